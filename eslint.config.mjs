// ESLint 9 flat config: the recommended rules, with globals per folder (the page runs in the
// browser, its engine worker in a worker, tests/bench/scripts in Node). Formatting is Prettier's
// job (.prettierrc.json), so eslint-config-prettier turns off every rule that could disagree.
// Run by scripts/lint-web.sh; `npm run format` applies both fixers.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default [
  {
    // Build output, installed packages and the fuzzing corpus (see also .prettierignore).
    ignores: [
      'node_modules/',
      'build*/',
      'test-artifacts/',
      'web/engine/',
      'web/vendor/',
      'web/presets/',
      'web/data/',
      'tests/fuzz/',
    ],
  },
  js.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a parameter or binding kept on purpose; `const { type, ...rest } = m` drops
      // `type` on purpose.
      'no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  // The page: ES modules in the browser (ESLint's default parser options: latest syntax, modules).
  {
    files: ['web/**/*.{js,mjs}'],
    ignores: ['web/js/worker/**', 'web/js/data/csv-worker.mjs'],
    languageOptions: { globals: globals.browser },
  },
  // The engine and CSV workers run in (module) Web Workers: no document, no window. The
  // scheduler also runs under Node in the tests, where it uses setImmediate when present.
  {
    files: ['web/js/worker/**/*.mjs', 'web/js/data/csv-worker.mjs'],
    languageOptions: { globals: { ...globals.worker, setImmediate: 'readonly' } },
  },
  // Tests, benchmarks, fixture generators and scripts run in Node.
  {
    files: ['tests/**/*.{js,mjs}', 'bench/**/*.{js,mjs}', 'scripts/**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
  },
  // Browser tests, the page benchmark and the screenshot script pass functions to
  // page.evaluate(); those bodies run in the page.
  {
    files: ['tests/browser/**/*.{js,mjs}', 'bench/page/**/*.{js,mjs}', 'scripts/screenshots.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  prettier,
];
