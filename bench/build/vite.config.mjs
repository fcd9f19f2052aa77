// SPDX-License-Identifier: Apache-2.0
// vite build of the generated project (PROJECT) into OUT, with the options helios build
// uses: minified, source maps, hashed names.
import react from "@vitejs/plugin-react";

export default {
  root: process.env.PROJECT,
  logLevel: "warn",
  plugins: [react()],
  build: { outDir: process.env.OUT, emptyOutDir: true, sourcemap: true, minify: true, reportCompressedSize: false },
};
