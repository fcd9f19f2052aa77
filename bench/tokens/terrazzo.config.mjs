// SPDX-License-Identifier: Apache-2.0
// Terrazzo: the benchmark's light set to CSS custom properties and a JS module (+ .d.ts).
// TOKENS (input file) and OUT (output dir) come from the environment; see ./run.
import { defineConfig } from '@terrazzo/cli';
import css from '@terrazzo/plugin-css';
import js from '@terrazzo/plugin-js';

const source = process.env.TOKENS;
const out = process.env.OUT;
if (!source || !out) throw new Error('set TOKENS and OUT');

export default defineConfig({
  tokens: [source],
  outDir: `${out}/`,
  lint: { rules: {} },
  plugins: [css({ filename: 'tokens.css' }), js({ filename: 'tokens.js' })],
});
