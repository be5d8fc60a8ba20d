import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

// Workflow code runs in Temporal's deterministic sandbox: no I/O, no Node builtins, no Nest,
// no database or HTTP clients; activities are reached through the contract's signatures.
const workflowForbiddenImports = {
  paths: builtinModules
    .flatMap((name) => [name, `node:${name}`])
    .map((name) => ({
      name,
      message: 'Workflow code must be deterministic: Node builtins are not allowed here.',
    })),
  patterns: [
    {
      group: [
        '@temporalio/client',
        '@temporalio/common',
        '@temporalio/worker',
        '@temporalio/activity',
        '@nestjs/*',
        '@prisma/*',
        'pg',
        '**/generated/**',
        '**/db/**',
        '**/api/**',
        '**/config/**',
      ],
      message: 'Workflow code must be deterministic: keep I/O and frameworks out of workflows.',
    },
    {
      // Workflows see only the SDK, the contract and the domain (DESIGN: the dependency order),
      // from src/workflows and from its subfolders: any `../` path must end in one of the two.
      regex: '^(?:\\.\\./)+(?!\\.\\./)(?!(?:contract|domain)(?:/|$))',
      message: 'Workflows import only @temporalio/workflow, src/contract and src/domain.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'web/dist/**',
      'test-results/**',
      'node_modules/**',
      'src/generated/**',
      'coverage/**',
      '.data/**',
      'reports/**',
      '.stryker-tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // A rest sibling drops a field by name (`const { kind, ...fields } = value`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    // HTTP response bodies in tests are untyped JSON; the assertions are what type them.
    files: ['test/**/*.ts', 'src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['src/workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', workflowForbiddenImports],
      '@typescript-eslint/no-restricted-imports': 'off',
    },
  },
  {
    // The contract is what every side shares: the SDK's definitions and the domain, nothing else.
    files: ['src/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*', '!../domain', '../*/**', '!../domain/**'],
              message: 'The contract depends only on the domain.',
            },
            {
              group: ['@*/*', '!@temporalio/workflow', '!@temporalio/common'],
              message: 'The contract depends only on the SDK definitions.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' },
    },
  },
);
