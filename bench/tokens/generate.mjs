// SPDX-License-Identifier: Apache-2.0
// Generates a DTCG token set of about N tokens for the token build benchmark.
//
//   node generate.mjs N OUT_DIR [SEED]
//
// Writes OUT_DIR/light.tokens.json (the whole set) and OUT_DIR/dark.tokens.json (a theme
// layer overriding about 10% of the colours). The same N and SEED always give the same
// bytes. Shapes follow the DTCG format module: colours as "#rrggbb", dimensions as
// {value, unit} (no durations: Style Dictionary 5 writes their object form as
// "[object Object]"), font families and weights, typography and shadow composites
// whose fields are aliases, and about 30% whole-value aliases in chains of depth 1 to 4.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [, , nArg, outDir, seedArg] = process.argv;
const N = Number.parseInt(nArg, 10);
if (!Number.isInteger(N) || N < 100 || !outDir) {
  process.stderr.write('usage: node generate.mjs N OUT_DIR [SEED]   (N >= 100)\n');
  process.exit(2);
}

// mulberry32: tiny, seedable, and identical on every Node version.
let state = Number.parseInt(seedArg ?? '20251', 10) >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const hex2 = (v) => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, '0');
const px = (value) => ({ value, unit: 'px' });

function hslToHex(h, s, l) {
  const a = s * Math.min(l, 1 - l);
  const f = (n) => {
    const k = (n + h / 30) % 12;
    return 255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1)));
  };
  return `#${hex2(f(0))}${hex2(f(8))}${hex2(f(4))}`;
}

// Budget: fixed small groups, then shares of N. Aliases take what is left (~30%).
const SHADES = [50, 100, 200, 300, 400, 500, 600, 700, 800, 900, 950];
const families = { sans: ['Inter', 'Helvetica', 'Arial', 'sans-serif'], serif: ['Georgia', 'serif'], mono: ['JetBrains Mono', 'monospace'] };
const weights = [100, 200, 300, 400, 500, 600, 700, 800, 900];
const fixed = Object.keys(families).length + weights.length;
const paletteCount = Math.max(1, Math.round((N * 0.36) / SHADES.length));
const colorCount = paletteCount * SHADES.length;
const spaceCount = Math.round(N * 0.12);
const fontSizeCount = Math.round(N * 0.05);
const typographyCount = Math.round(N * 0.07);
const shadowCount = Math.round(N * 0.08);
const aliasCount = Math.max(0, N - fixed - colorCount - spaceCount - fontSizeCount - typographyCount - shadowCount);

const tokens = {
  color: { $type: 'color', palette: {} },
  space: { $type: 'dimension' },
  font: {
    family: { $type: 'fontFamily' },
    weight: { $type: 'fontWeight' },
    size: { $type: 'dimension' },
  },
  typography: { $type: 'typography' },
  shadow: { $type: 'shadow' },
  alias: {},
};

const colorPaths = [];
for (let p = 0; p < paletteCount; ++p) {
  const hue = (p * 137.508) % 360; // golden angle: palettes spread around the wheel
  const saturation = 0.35 + random() * 0.6;
  const group = {};
  SHADES.forEach((shade, i) => {
    group[String(shade)] = { $value: hslToHex(hue, saturation, 0.96 - (i * 0.88) / (SHADES.length - 1)) };
    colorPaths.push(`color.palette.p${p}.${shade}`);
  });
  tokens.color.palette[`p${p}`] = group;
}
const spacePaths = [];
for (let i = 0; i < spaceCount; ++i) {
  tokens.space[`s${i}`] = { $value: px(Math.round(2 * 1.05 ** (i % 120) * 100) / 100) };
  spacePaths.push(`space.s${i}`);
}
for (const [name, stack] of Object.entries(families)) tokens.font.family[name] = { $value: stack };
for (const w of weights) tokens.font.weight[`w${w}`] = { $value: w };
const sizePaths = [];
for (let i = 0; i < fontSizeCount; ++i) {
  tokens.font.size[`f${i}`] = { $value: px(Math.round(10 * 1.125 ** (i % 40) * 100) / 100) };
  sizePaths.push(`font.size.f${i}`);
}
for (let i = 0; i < typographyCount; ++i) {
  tokens.typography[`t${i}`] = {
    $value: {
      fontFamily: `{font.family.${pick(Object.keys(families))}}`,
      fontSize: `{${pick(sizePaths)}}`,
      fontWeight: `{font.weight.w${pick(weights)}}`,
      letterSpacing: px(Math.round((random() - 0.5) * 20) / 10),
      lineHeight: Math.round((1.1 + random() * 0.7) * 100) / 100,
    },
  };
}
for (let i = 0; i < shadowCount; ++i) {
  tokens.shadow[`s${i}`] = {
    $value: {
      color: `{${pick(colorPaths)}}`,
      offsetX: px(0),
      offsetY: px(1 + (i % 12)),
      blur: px(2 + (i % 24)),
      spread: px(i % 3),
    },
  };
}

// Aliases: colours mostly, some spacing; depth d points at a token of depth d-1 of the
// same type, so chains are exactly d hops long. 40/30/20/10% at depths 1/2/3/4.
const levels = { color: [colorPaths], dimension: [spacePaths] };
const depthFor = (i) => {
  const r = (i * 7919) % 100;
  return r < 40 ? 1 : r < 70 ? 2 : r < 90 ? 3 : 4;
};
for (const type of ['color', 'dimension']) tokens.alias[type] = { $type: type };
for (let i = 0; i < aliasCount; ++i) {
  const type = i % 5 === 4 ? 'dimension' : 'color';
  let depth = depthFor(i);
  const chain = levels[type];
  while (!chain[depth - 1] || chain[depth - 1].length === 0) --depth; // shallower until one exists
  const groupName = `l${depth}`;
  const group = (tokens.alias[type][groupName] ??= {});
  const name = `a${i}`;
  group[name] = { $value: `{${pick(chain[depth - 1])}}` };
  (chain[depth] ??= []).push(`alias.${type}.${groupName}.${name}`);
}

// Dark theme: about 10% of the colours (palette shades and colour aliases) overridden.
const dark = { color: { palette: {} }, alias: { color: {} } };
let darkCount = 0;
for (let p = 0; p < paletteCount; ++p) {
  for (const shade of SHADES) {
    if (random() >= 0.1) continue;
    (dark.color.palette[`p${p}`] ??= {})[String(shade)] = { $value: hslToHex((p * 137.508) % 360, 0.5, 0.08 + random() * 0.3) };
    ++darkCount;
  }
}
for (const [groupName, group] of Object.entries(tokens.alias.color)) {
  if (groupName.startsWith('$')) continue;
  for (const name of Object.keys(group)) {
    if (random() >= 0.1) continue;
    (dark.alias.color[groupName] ??= {})[name] = { $value: `{${pick(colorPaths)}}` };
    ++darkCount;
  }
}

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'light.tokens.json'), `${JSON.stringify(tokens, null, 2)}\n`);
writeFileSync(join(outDir, 'dark.tokens.json'), `${JSON.stringify(dark, null, 2)}\n`);
const total = fixed + colorCount + spaceCount + fontSizeCount + typographyCount + shadowCount + aliasCount;
process.stdout.write(`${total} tokens (${aliasCount} aliases), ${darkCount} dark overrides -> ${outDir}\n`);
