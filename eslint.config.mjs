import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Import boundaries: shared imports nothing of ours, the renderer only shared,
// and only the Electron host (main, preload) may import `electron`.
const noElectron = {
  name: 'electron',
  message: 'Only electron/main and electron/preload import electron.',
};
const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'crypto',
  'http',
  'net',
  'url',
  'stream',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      '.tsbuild/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'release/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodeBuiltins.flatMap((n) => [n, `node:${n}`])],
          patterns: [
            {
              group: ['../../electron/*', '../../renderer/*', '**/electron/**', '**/renderer/**'],
              message: 'shared imports nothing of ours.',
            },
            {
              group: ['react', 'react-dom', 'sql.js', 'ws'],
              message: 'shared is pure TypeScript.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodeBuiltins.flatMap((n) => [n, `node:${n}`])],
          patterns: [
            {
              group: ['**/electron/**'],
              message: 'The renderer reaches services only through the contract in shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/host/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron], patterns: [{ group: ['**/renderer/**'] }] },
      ],
    },
  },
);
