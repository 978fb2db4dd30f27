import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';

/** Each folder of src/features stands alone: it may import domain, data, storage, ui and i18n, never another feature. */
const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

export default tseslint.config(
  { ignores: ['dist', 'dev-dist', 'node_modules', 'test-results', 'playwright-report', 'bench/out'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // The domain is pure: no React, no Dexie, no storage, no UI (docs/ARCHITECTURE.md, «1. Layers»).
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-*', 'dexie', 'dexie-*'], message: 'src/domain stays free of React and Dexie.' },
            { group: ['**/storage/**', '**/data/**', '**/features/**', '**/ui/**', '**/app/**', '**/i18n/**'], message: 'src/domain imports nothing of ours.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/storage/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['react', 'react-*', '**/features/**', '**/ui/**', '**/app/**'], message: 'storage depends only on domain.' }] },
      ],
    },
  },
  {
    // The data-access layer: live hooks over storage for the pages; it knows nothing of pages or components.
    files: ['src/data/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/features/**', '**/ui/**', '**/app/**'], message: 'src/data depends only on domain and storage.' }] }],
    },
  },
  ...FEATURES.map((name) => ({
    files: [`src/features/${name}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // '../other/…' (a sibling feature) or '…/features/other/…'; '../../domain/…' and the like are not features.
              regex: `^(?:\\.\\./(?!\\.\\.|${name}/)[^/]+/|(?:\\.\\./)+features/(?!${name}/))`,
              message: `a feature stands alone: move what «${name}» shares with another feature down to src/ui, src/data, src/storage or src/domain.`,
            },
            { group: ['**/app/**'], message: 'features do not import the app shell.' },
            {
              // A page says what it needs through a src/data hook; only src/data and src/storage query the database.
              group: ['dexie', 'dexie-*', '**/storage/db'],
              message: 'a feature reads through a src/data hook (add one there) and writes through src/storage; it does not open the database itself.',
            },
          ],
        },
      ],
    },
  })),
  {
    // Scripts the generated service worker imports (public/share-target-sw.js).
    files: ['public/**/*.js'],
    languageOptions: { globals: globals.serviceworker },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/features/**', '**/app/**'], message: 'ui must not reach into features or app.' }] }],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx,mjs}', 'bench/**/*.{ts,mjs,js}', '*.config.{ts,js}', 'vite.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
