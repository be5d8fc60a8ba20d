/** A port the OS says is free right now, for servers that cannot be started on port 0. */
export { freeLoopbackPort as freePort } from '../../src/observability/sdk-metrics';
