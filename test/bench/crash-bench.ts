import { ingestOverHttp, startServer, stopServer } from './ingest-bench';
import { until } from './restart-bench';

export interface ReturnFigures {
  /** The first events after the restart, every customer returning once: after a SIGKILL, and after a clean stop. */
  readonly afterCrash: { readonly elapsed: number; readonly eventsPerSecond: number };
  readonly afterStop: { readonly elapsed: number; readonly eventsPerSecond: number };
}

/**
 * Customers returning after a crash, beside the same after a clean stop: `history` events, a clean stop (every journey
 * saved as a snapshot), `since` events more (each customer's snapshot now behind), a SIGKILL, and `customers` events
 * (each returns once); then a clean stop and `customers` events more, timed the same way. Each timed part starts once
 * the app is ready (/health/ready): after the SIGKILL its read models have more to catch up on, which is not timed.
 */
export const returnAfterCrash = async (
  dir: string,
  token: string,
  history: number,
  since: number,
  customers: number,
): Promise<ReturnFigures> => {
  const batch = 1000;
  const concurrency = 2;
  let server = await startServer(dir);
  /** A new server on the same store, once ready; failing if it exits first. */
  const restart = async () => {
    server = await startServer(dir);
    const exited = new Promise<never>((_, reject) => server.child.once('exit', (code) => reject(new Error(`server exited with ${code}`))));
    await Promise.race([until(`${server.url}/health/ready`, (code) => code === 200), exited]);
  };
  try {
    await ingestOverHttp(server.url, token, history, batch, concurrency, customers);
    await stopServer(server.child);
    await restart();
    await ingestOverHttp(server.url, token, since, batch, concurrency, customers, history);
    await stopServer(server.child, 'SIGKILL');
    await restart();
    const afterCrash = await ingestOverHttp(server.url, token, customers, batch, concurrency, customers, history + since);
    await stopServer(server.child);
    await restart();
    const afterStop = await ingestOverHttp(server.url, token, customers, batch, concurrency, customers, history + since + customers);
    return { afterCrash, afterStop };
  } finally {
    await stopServer(server.child);
  }
};
