/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'commonjs' },
  },
];

// The workbench's components (web/): TSX with React's automatic runtime.
const swcTsx = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': swc, '^.+\\.tsx$': swcTsx },
      testMatch: [
        '<rootDir>/src/**/*.test.ts',
        '<rootDir>/scripts/**/*.test.ts',
        '<rootDir>/bench/**/*.test.ts',
        // Component tests pick jsdom with a docblock of their own.
        '<rootDir>/web/src/**/*.test.ts?(x)',
      ],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': swc },
      testMatch: ['<rootDir>/test/**/*.int.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/jest-setup.ts'],
    },
    {
      // The same files again on the production engine, Temporal server on PostgreSQL (issue 18):
      // the lifecycle, durability, review and admission rounds.
      displayName: 'integration-server',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': swc },
      testMatch: [
        '<rootDir>/test/integration/application-lifecycle.int.test.ts',
        '<rootDir>/test/integration/durability.int.test.ts',
        '<rootDir>/test/integration/review.int.test.ts',
        '<rootDir>/test/integration/admission-round.int.test.ts',
      ],
      globalSetup: '<rootDir>/test/support/global-setup-server.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown-server.ts',
      setupFiles: ['<rootDir>/test/support/on-temporal-server.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/jest-setup.ts'],
    },
    {
      // The workbench in Debian's Chromium against the stack as `npm start` runs it (issue 16).
      displayName: 'browser',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': swc },
      testMatch: ['<rootDir>/test/browser/*.browser.test.ts'],
      globalSetup: '<rootDir>/test/browser/global-setup.ts',
      globalTeardown: '<rootDir>/test/browser/global-teardown.ts',
    },
    {
      // Not part of `npm test`: re-records test/histories/*.json (npm run histories:record).
      displayName: 'record-histories',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': swc },
      testMatch: ['<rootDir>/test/histories/*.record.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
