import { readFileSync } from 'node:fs';
import { status } from '@grpc/grpc-js';
import {
  Client,
  Connection,
  isGrpcServiceError,
  ServiceError,
  type TLSConfig,
} from '@temporalio/client';
import type { Config } from '../config/config';
import { temporalDataConverter } from './data-converter';

export type TemporalConnectionConfig = Pick<
  Config,
  | 'TEMPORAL_ADDRESS'
  | 'TEMPORAL_TLS_CERT'
  | 'TEMPORAL_TLS_KEY'
  | 'TEMPORAL_TLS_CA'
  | 'TEMPORAL_TLS_SERVER_NAME'
>;

/**
 * The one place that turns configuration into Temporal connection options, for the client
 * (`Connection.connect`) and the worker (`NativeConnection.connect`) alike. With a client
 * certificate the connection is mutual TLS; the files were checked readable when the
 * configuration was loaded.
 */
export function temporalConnectionOptions(config: TemporalConnectionConfig): {
  address: string;
  tls?: TLSConfig;
} {
  const { TEMPORAL_TLS_CERT: cert, TEMPORAL_TLS_KEY: key, TEMPORAL_TLS_CA: ca } = config;
  const serverName = config.TEMPORAL_TLS_SERVER_NAME;
  if (!cert && !ca && !serverName) return { address: config.TEMPORAL_ADDRESS };
  return {
    address: config.TEMPORAL_ADDRESS,
    tls: {
      ...(cert && key
        ? { clientCertPair: { crt: readFileSync(cert), key: readFileSync(key) } }
        : {}),
      ...(ca ? { serverRootCACertificate: readFileSync(ca) } : {}),
      ...(serverName ? { serverNameOverride: serverName } : {}),
    },
  };
}

/** A client whose payloads go through the service's data converter (encrypted). */
export async function connectTemporalClient(
  config: TemporalConnectionConfig & Pick<Config, 'TEMPORAL_NAMESPACE' | 'PAYLOAD_ENCRYPTION_KEYS'>,
): Promise<Client> {
  const connection = await Connection.connect(temporalConnectionOptions(config));
  return new Client({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    dataConverter: temporalDataConverter(config),
  });
}

/**
 * Temporal's frontend unreachable (gRPC UNAVAILABLE), as while the server restarts; the client
 * has already retried for a while. Anything else from Temporal is not transient.
 */
export function isTemporalUnavailable(error: unknown): boolean {
  const cause = error instanceof ServiceError ? error.cause : error;
  return isGrpcServiceError(cause) && cause.code === status.UNAVAILABLE;
}
