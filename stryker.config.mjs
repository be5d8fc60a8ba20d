// Mutation testing of the pure rules (npm run test:mutation; not part of `npm test`): each mutant
// of src/domain must make a unit test fail. Reports go to reports/mutation/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.unit.config.js', enableFindRelatedTests: true },
  mutate: ['src/domain/**/*.ts', '!src/domain/**/*.test.ts'],
  coverageAnalysis: 'perTest',
  // A 2-core machine shared with other work: two test processes, and room for a slow test.
  concurrency: 2,
  timeoutMS: 20_000,
  // The first run of every domain test (with per-test coverage) under other load takes minutes.
  dryRunTimeoutMinutes: 30,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
