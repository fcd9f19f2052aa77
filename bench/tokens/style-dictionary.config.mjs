// SPDX-License-Identifier: Apache-2.0
// Style Dictionary: the benchmark's light set to CSS custom properties and an ES module.
// TOKENS (input file) and OUT (output dir) come from the environment; see ./run.
const source = process.env.TOKENS;
const out = process.env.OUT;
if (!source || !out) throw new Error('set TOKENS and OUT');

export default {
  source: [source],
  log: { verbosity: 'silent', warnings: 'disabled' },
  platforms: {
    css: {
      transformGroup: 'css',
      buildPath: `${out}/`,
      files: [{ destination: 'tokens.css', format: 'css/variables' }],
    },
    js: {
      transformGroup: 'js',
      buildPath: `${out}/`,
      files: [{ destination: 'tokens.js', format: 'javascript/es6' }],
    },
  },
};
