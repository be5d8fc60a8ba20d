// Compiles TypeScript at load the way Jest compiles the tests: with swc and decorator metadata,
// which Nest's dependency injection needs and tsx (esbuild) does not emit. For `npm run bench:ops`
// (node -r ./test/support/swc-register.cjs bench/ops.ts); the integration tests' child processes
// run the build instead (build.ts), since compiling at start is slow on a loaded machine.
/* eslint-disable @typescript-eslint/no-require-imports -- a require hook (node -r) is CommonJS */
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
