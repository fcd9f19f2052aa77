// SPDX-License-Identifier: Apache-2.0
// Writes a React + TSX project of N components into DIR for bench/build/run:
//   node generate.mjs DIR N
// Each component has state, props, a CSS module that uses token variables, and is
// rendered by src/main.tsx; the project has helios.json, index.html and design tokens,
// as a project made by `helios new react-library` does. Deterministic: the same N gives
// the same files.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dir, countText] = process.argv.slice(2);
const count = Number(countText);
if (!dir || !Number.isInteger(count) || count < 1) {
  console.error("usage: node generate.mjs DIR N");
  process.exit(2);
}

const write = (path, text) => {
  mkdirSync(join(dir, path, ".."), { recursive: true });
  writeFileSync(join(dir, path), text);
};

write("helios.json", JSON.stringify({
  name: "bench-app",
  tokens: "tokens/tokens.config.json",
  build: { outDir: "dist", entries: [{ name: "app", entry: "src/main.tsx", html: "index.html" }] },
}, null, 2) + "\n");

write("package.json", JSON.stringify({
  name: "bench-app", private: true, type: "module",
  dependencies: { react: "19.3.1", "react-dom": "19.3.1" },
}, null, 2) + "\n");

write("index.html", `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>bench</title>
    <link rel="stylesheet" href="/tokens.css" />
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="/src/main.tsx"></script>
  </body>
</html>
`);

const colors = {};
for (let i = 0; i < 24; ++i)
  colors[`c${i}`] = { $value: `#${((i * 2654435761) >>> 8 & 0xffffff).toString(16).padStart(6, "0")}` };
const space = {};
for (let i = 1; i <= 8; ++i) space[`s${i}`] = { $value: `${i * 4}px` };
write("tokens/base.tokens.json", JSON.stringify({
  color: { $type: "color", ...colors },
  space: { $type: "dimension", ...space },
  radius: { $type: "dimension", small: { $value: "4px" }, large: { $value: "12px" } },
}, null, 2) + "\n");
write("tokens/tokens.config.json", JSON.stringify({
  source: ["base.tokens.json"],
  platforms: { css: { format: "css", destination: "../dist-tokens/tokens.css" } },
}, null, 2) + "\n");

const names = [];
for (let i = 0; i < count; ++i) {
  const name = `Widget${String(i).padStart(4, "0")}`;
  names.push(name);
  write(`src/components/${name}/${name}.tsx`, `import { useState, type ReactNode } from "react";
import styles from "./${name}.module.css";

export interface ${name}Props {
  title?: string;
  step?: number;
  children?: ReactNode;
}

export function ${name}({ title = "${name}", step = ${1 + (i % 7)}, children }: ${name}Props) {
  const [count, setCount] = useState(${i % 13});
  const label = count % 2 === 0 ? "even" : "odd";
  return (
    <section className={styles.card} aria-label={title}>
      <h3 className={styles.title}>{title}</h3>
      <p className={styles.body}>{children ?? \`\${label} \${count}\`}</p>
      <button type="button" className={styles.button} onClick={() => setCount((c) => c + step)}>
        add {step}
      </button>
    </section>
  );
}
`);
  write(`src/components/${name}/${name}.module.css`, `.card { padding: var(--space-s${1 + (i % 8)}); border-radius: var(--radius-small); background: var(--color-c${i % 24}); }
.title { margin: 0 0 var(--space-s1); font-size: 1rem; }
.body { color: var(--color-c${(i + 7) % 24}); }
.button { border-radius: var(--radius-large); padding: var(--space-s2) var(--space-s3); }
`);
}
write("src/components/index.ts", names.map((n) => `export { ${n} } from "./${n}/${n}";`).join("\n") + "\n");
write("src/main.tsx", `import { createRoot } from "react-dom/client";
import { ${names.join(", ")} } from "./components";

function App() {
  return (
    <main>
${names.map((n) => `      <${n} />`).join("\n")}
    </main>
  );
}

createRoot(document.getElementById("root")!).render(<App />);
`);
