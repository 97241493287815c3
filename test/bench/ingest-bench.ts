import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Agent, request } from 'node:http';
import { APP_NODE_FLAGS } from '../support/child-app';
import { rate, summarise } from './stats';

export const SECRET = 'bench-secret-bench-secret-bench-secret-0123';

export const startServer = (dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<{ url: string; child: ChildProcess }> =>
  new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'serve.ts'), [], {
      execArgv: [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        ...APP_NODE_FLAGS,
        // REGIE_BENCH_CPU_PROF=<dir>: a V8 CPU profile of the server, for finding where the time goes.
        // REGIE_BENCH_NODE_FLAGS: node and V8 flags for the server (e.g. `--trace-gc`), after the apps' own: a later flag wins.
        ...(process.env.REGIE_BENCH_NODE_FLAGS ? process.env.REGIE_BENCH_NODE_FLAGS.split(' ') : []),
        ...(process.env.REGIE_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.REGIE_BENCH_CPU_PROF}`] : []),
      ],
      env: {
        ...process.env,
        REGIE_PORT: '0',
        REGIE_DATA_DIR: dataDir,
        REGIE_JWT_SECRET: SECRET,
        TS_NODE_PROJECT: join(__dirname, '../../tsconfig.json'),
        ...env,
      },
    });
    child.once('message', (message) => resolve({ url: (message as { url: string }).url, child }));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });

/** `agent`: a keep-alive agent to reuse connections, as a channel platform sending batches does; a connection per request without. */
export const post = (url: string, path: string, token: string, body: string, agent: Agent | false = false): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = request(
      `${url}${path}`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });

export const makeEvent = (i: number, customers: number) => ({
  specversion: '1.0',
  id: `bench-${i}`,
  source: 'urn:regie:bench',
  type: i % 5 === 0 ? 'bot.fallback' : 'contact.started',
  subject: `c${i % customers}`,
  time: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
  data: { channel: 'chatbot', contactId: `chat-${Math.floor(i / customers)}` },
});

/** Stops the server as production would (SIGTERM; SIGKILL for a crash) and waits until it has exited. */
export const stopServer = (child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });

/** Posts `events` interactions (numbered from `first`) in batches of `batch`, `concurrency` requests in flight. */
export const ingestOverHttp = async (
  url: string,
  token: string,
  events: number,
  batch: number,
  concurrency: number,
  customers: number,
  first = 0,
) => {
  const bodies: string[] = [];
  for (let from = first; from < first + events; from += batch) {
    bodies.push(JSON.stringify(Array.from({ length: Math.min(batch, first + events - from) }, (_, k) => makeEvent(from + k, customers))));
  }
  const latencies: number[] = [];
  let next = 0;
  // Connections kept open, as a channel platform sending batch after batch keeps them.
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const started = performance.now();
  let failed = false; // the other senders stop too, and open no connection after the agent is gone
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (!failed && next < bodies.length) {
          const body = bodies[next++];
          const t0 = performance.now();
          const status = await post(url, '/v1/interactions', token, body, agent).catch((error: unknown) => {
            failed = true;
            throw error;
          });
          if (status !== 202) {
            failed = true;
            throw new Error(`ingest answered ${status}`);
          }
          latencies.push(performance.now() - t0);
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  const elapsed = performance.now() - started;
  return { elapsed, eventsPerSecond: rate(events, elapsed), batchLatency: summarise(latencies) };
};
