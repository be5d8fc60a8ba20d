import { createServer } from 'node:net';
import { standardPorts, type ServerPorts } from '../../src/temporal/server-config';

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The server's ports around a random frontend port, all free and below 32768 (see ServerPorts). */
export async function freeServerPorts(): Promise<ServerPorts> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const ports = standardPorts(10_000 + Math.floor(Math.random() * 20_000));
    const free = await Promise.all(Object.values(ports).map(isFree));
    if (free.every(Boolean)) return ports;
  }
  throw new Error('no free set of ports for Temporal server');
}
