import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Extension source imports its own folder as `./…` and anything else as `@/…`, so a path reads the same everywhere. */
const WITHIN_FOLDER_OR_ALIAS = { regex: '^\\.\\./', message: 'Import from outside this folder with @/… (the project root), not ../.' };

/** What code that may run in a page must not import. */
const PAGE_SAFE = [
  {
    regex: '(^|/)background(/|$)',
    message: 'Code in a `background` folder runs in the service worker only; a page must ask it through utils/messaging.',
  },
  {
    group: ['**/messaging/contract', './contract'],
    allowTypeImports: true,
    message: 'The contract’s zod schemas are the background’s: import values from utils/messaging/constants, only types from the contract.',
  },
];

/** The service worker's own files: its entrypoint and every `background` folder. */
const BACKGROUND_ONLY = ['entrypoints/background.ts', '**/background/**'];
/** Tests run in Node, never in a page. */
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['components/**', 'entrypoints/**', 'utils/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [WITHIN_FOLDER_OR_ALIAS] }] },
  },
  {
    // Where code may run is in its path: whatever sits in a folder named `background` (utils/background/,
    // a CRM's background/ half) runs in the service worker only. Everything else may end up in a page
    // (content script, popup, options) and so imports nothing from such a folder: secrets, zod and
    // libphonenumber-js stay out of the pages' bundles, and a new file is covered by where it is put.
    files: ['components/**', 'entrypoints/**', 'utils/**'],
    ignores: [...BACKGROUND_ONLY, ...TESTS],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [WITHIN_FOLDER_OR_ALIAS, ...PAGE_SAFE] }] },
  },
  {
    // Loaded by WXT's config loader, which knows no `@/` alias: relative imports, same boundary.
    files: ['modules/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: PAGE_SAFE }] },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
