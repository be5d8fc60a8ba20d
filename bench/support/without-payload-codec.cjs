// Loaded with `node -r` before the built service, for bench:submit's codec-off run only (issue 12
// asks what the payload codec costs; the service itself has no switch to turn encryption off, and
// should not). The service's one data converter becomes Temporal's default: no payload codec, no
// encoded failure attributes. bench:submit reads a started workflow's input back to prove it.
/* eslint-disable @typescript-eslint/no-require-imports -- a require hook (node -r) is CommonJS */
const converter = require('../../dist/src/temporal/data-converter.js');

converter.temporalDataConverter = () => ({});
