import { createServer } from 'node:net';

/**
 * Ports this process handed out. The system may hand a port out again as soon as it is released, before the process
 * meant to have it binds it: two services (or a service and the gateway) of one test would then share a port, the
 * second fail to start, and its health check find the first.
 */
const handedOut = new Set<number>();

/** A port on 127.0.0.1 free now and not handed out before by this process, for a server a test starts next. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await anyFreePort();
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
