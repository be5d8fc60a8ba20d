// The integration-server project's files run against Temporal server on PostgreSQL: the harness
// reads TEST_TEMPORAL_ADDRESS, which in this file's environment (a copy of the runner's) names
// the server rather than the dev server.
const serverAddress = process.env.TEST_TEMPORAL_SERVER_ADDRESS;
if (!serverAddress)
  throw new Error('TEST_TEMPORAL_SERVER_ADDRESS is not set: global set-up failed');
process.env.TEST_TEMPORAL_ADDRESS = serverAddress;
