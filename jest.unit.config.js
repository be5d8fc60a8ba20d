// The unit project alone, for the mutation run (stryker.config.mjs): mutants of src/domain are
// judged by the unit tests only, never by the integration suite and its servers.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS, like jest.config.js
const { projects } = require('./jest.config.js');

module.exports = projects.find((project) => project.displayName === 'unit');
