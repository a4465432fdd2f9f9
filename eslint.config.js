import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
    // UI bundles take only types from the contract and no CRM API half: both are the background's business.
    files: ['components/**', 'entrypoints/**', 'utils/**'],
    ignores: ['utils/background/**', 'utils/messaging/contract.ts', 'utils/crm/api-registry.ts', 'utils/settings/settings.ts', 'utils/settings/test-connection.ts', '**/*.test.ts', '**/*.test.tsx', 'entrypoints/background.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/messaging/contract', './contract'],
              allowTypeImports: true,
              message: 'Import values from utils/messaging/constants; only types from the contract.',
            },
            {
              group: ['**/crm/api-registry', './api-registry', '**/crm/*/api', './*/api'],
              message: 'CRM API halves run in the background only; see utils/crm/adapter.ts.',
            },
          ],
        },
      ],
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
