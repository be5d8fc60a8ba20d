// The unit project narrowed to the domain's own tests, for the mutation run (stryker.config.mjs):
// mutants of src/domain are judged by the pure rules' unit tests only, never by the API's or the
// integration suite's (the domain is meant to be proven without Temporal, HTTP or a database), and
// the initial run stays short enough for a busy 2-core machine.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS, like jest.config.js
const { projects } = require('./jest.config.js');

const unit = projects.find((project) => project.displayName === 'unit');
module.exports = { ...unit, testMatch: ['<rootDir>/src/domain/**/*.test.ts'] };
