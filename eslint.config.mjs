// ESLint flat config: typescript-eslint's recommended rules over src, test and scripts, with
// complexity and function-length warnings; the layout of the code is Prettier's (`npm run lint` checks
// both, `npm run format` writes it).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'examples/out/**', 'test-results/**', '.cache/**', 'test/e2e/node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      'no-control-regex': 'off',
      // warnings, to see where a function has grown past what a reader follows at once
      complexity: ['warn', 30],
      'max-lines-per-function': ['warn', { max: 150, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // the integration suite loads its files after mocha's globals exist: a require() in a function is the point
    files: ['test/integration/index.ts', 'test/integration/web/index.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // the browser-side callbacks of the e2e tests run in the page
    files: ['test/e2e/**/*.mjs', 'bench/editorLatency.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // the test runner extension is plain CommonJS, as VS Code loads it
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // the preview page's script runs in the webview: a browser, with VS Code's webview API
    files: ['media/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, acquireVsCodeApi: 'readonly' } },
  },
);
