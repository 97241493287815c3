import type { ChildProcess } from 'node:child_process';
import { ingestOverHttp, startServer, stopServer } from './ingest-bench';
import { until } from './restart-bench';

export interface ReturnFigures {
  /** The first events after the restart, every customer returning once: after a SIGKILL, and after a clean stop. */
  readonly afterCrash: { readonly elapsed: number; readonly eventsPerSecond: number };
  readonly afterStop: { readonly elapsed: number; readonly eventsPerSecond: number };
}

const killed = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

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
  const restarted = async () => {
    const started = await startServer(dir);
    await until(`${started.url}/health/ready`, (code) => code === 200);
    return started;
  };
  let server = await startServer(dir);
  try {
    await ingestOverHttp(server.url, token, history, batch, concurrency, customers);
    await stopServer(server.child);
    server = await restarted();
    await ingestOverHttp(server.url, token, since, batch, concurrency, customers, history);
    await killed(server.child);
    server = await restarted();
    const afterCrash = await ingestOverHttp(server.url, token, customers, batch, concurrency, customers, history + since);
    await stopServer(server.child);
    server = await restarted();
    const afterStop = await ingestOverHttp(server.url, token, customers, batch, concurrency, customers, history + since + customers);
    return { afterCrash, afterStop };
  } finally {
    await stopServer(server.child);
  }
};
