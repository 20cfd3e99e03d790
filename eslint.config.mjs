import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const officeGlobals = [
  'Excel',
  'Office',
  'CustomFunctions',
  'OfficeRuntime',
  'document',
  'window',
  'localStorage',
  'navigator',
].map((name) => ({
  name,
  message: 'src/core is pure: no Office, Excel or DOM here (see ARCHITECTURE).',
}));

// src/core/sample.ts is the one other door: the sample data, fetched lazily by "Insert sample data".
const CORE_DOOR = {
  group: ['**/core/**', '!**/core/sample'],
  message:
    'import the core through src/core/index.ts (or the lazy sample door, src/core/sample.ts)',
};
const ENTRY_POINTS = {
  group: ['**/functions/**', '**/taskpane/**', '**/commands/**'],
  message: 'adapters do not depend on entry points',
};
// The pane's logic files move with the core (issue 9); their imports follow it there.
const PANE_LOGIC = [
  'src/taskpane/desk-logic.ts',
  'src/taskpane/review-logic.ts',
  'src/taskpane/form-model.ts',
];
const restrictImports = (files, ignores, patterns) => [
  { files, ignores, rules: { 'no-restricted-imports': ['error', { patterns }] } },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-dev/**',
      'dist-preview/**',
      'node_modules/**',
      'build-tsc/**',
      'coverage/**',
      'test-artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...officeGlobals],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/excel/**', '**/functions/**', '**/taskpane/**', '**/commands/**'],
              message: 'core depends on nothing but zod and decimal.js',
            },
          ],
        },
      ],
    },
  },
  // One door per layer (a later block replaces an earlier one's rule, so each lists all it bans):
  // the shell reaches the core through src/core/index.ts only; the pane reaches the adapter through
  // the workbook interface (taskpane.ts alone picks the Office factory, the preview the in-memory
  // one); the in-memory Excel knows no desk rule (desk-workbook.ts loads the add-in's functions).
  ...restrictImports(['src/excel/**/*.ts'], [], [CORE_DOOR, ENTRY_POINTS]),
  ...restrictImports(
    ['src/excel/memory/**/*.ts'],
    ['src/excel/memory/desk-workbook.ts'],
    [
      { group: ['**/core', '**/core/**'], message: 'the in-memory Excel knows no desk rule' },
      {
        group: ['**/office', '**/office/**', '**/desk-functions'],
        message: 'only desk-workbook.ts loads the add-in into the in-memory Excel',
      },
      ENTRY_POINTS,
    ],
  ),
  ...restrictImports(['src/taskpane/**/*.ts', 'src/commands/**/*.ts'], PANE_LOGIC, [
    CORE_DOOR,
    { group: ['**/functions/**'], message: 'the pane does not depend on another entry point' },
  ]),
  ...restrictImports(
    ['src/taskpane/**/*.ts'],
    ['src/taskpane/taskpane.ts', 'src/taskpane/preview/**', ...PANE_LOGIC],
    [
      CORE_DOOR,
      { group: ['**/functions/**'], message: 'the pane does not depend on another entry point' },
      {
        group: ['**/excel/**', '!**/excel/workbook'],
        message: 'the pane depends on the workbook interface (src/excel/workbook.ts) only',
      },
    ],
  ),
  // The CLI reads and writes files, on the core alone: no Office API, no adapter, no other entry point.
  ...restrictImports(
    ['src/cli/**/*.ts'],
    [],
    [
      CORE_DOOR,
      {
        group: ['**/excel', '**/excel/**', '**/functions/**', '**/taskpane/**', '**/commands/**'],
        message: 'the CLI depends on src/core only (through src/core/index.ts)',
      },
    ],
  ),
  {
    files: ['scripts/**/*.{js,mjs,cjs}', '*.{js,mjs,cjs}', 'bin/**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-console': 'off' },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
