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
  {
    files: ['src/excel/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/functions/**', '**/taskpane/**', '**/commands/**'],
              message: 'adapters do not depend on entry points',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,cjs}', '*.{js,mjs,cjs}'],
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
