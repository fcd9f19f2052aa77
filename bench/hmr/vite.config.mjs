// SPDX-License-Identifier: Apache-2.0
// vite dev server for the generated project (PROJECT), on 127.0.0.1, for bench/hmr/run.
// The page is PROJECT/vite.html (written by measure.mjs prepare-vite): the same app with
// the token CSS variables from a plain src/tokens.css, since Vite has no token pipeline.
// The dependency cache lives in PROJECT/.vite, not in node_modules/.vite: the project's
// node_modules is a symlink to the shared resources/toolchain copy, which Vite must not
// write into; the run deletes PROJECT/.vite before each cold start.
import path from "node:path";
import react from "@vitejs/plugin-react";

const root = process.env.PROJECT;
if (!root) throw new Error("bench/hmr/vite.config.mjs: set PROJECT to the generated project");

export default {
  root,
  cacheDir: path.join(root, ".vite"),
  logLevel: "info",
  clearScreen: false,
  plugins: [react()],
  optimizeDeps: { entries: ["vite.html"] },
  server: { host: "127.0.0.1" },
};
