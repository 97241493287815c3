import { SqliteEventStore, type NewEvent, type StreamAppend } from '@regie/event-store';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { APP_NODE_FLAGS } from '../support/child-app';
import { SECRET } from './ingest-bench';
import { rssOf } from './soak-bench';

const ROOT = join(__dirname, '../..');
/** Where `nest build regie` puts the all-in-one app's entry point. */
const MAIN = join(ROOT, 'dist/apps/regie/apps/regie/src/main.js');

const DAY_MS = 86_400_000;
const CHANNELS = [
  ['web', 'self-service'],
  ['phone', 'assisted'],
  ['live-chat', 'assisted'],
  ['counter', 'personal'],
] as const;

const metadata = (id: string): NewEvent['metadata'] => ({ causationId: id, correlationId: id, actor: 'bench:restart', idempotencyKey: id });

/** A year of contacts of `customers` customers (started, then ended), `events` events in all, oldest first. */
function* journeyAppends(events: number, customers: number, start: number): Generator<StreamAppend> {
  for (let index = 0; index < events / 2; index += 1) {
    const customerId = `r-c${index % customers}`;
    const [channel, layer] = CHANNELS[index % CHANNELS.length]!;
    const at = start + Math.floor((index / (events / 2)) * 365 * DAY_MS);
    const where = { customerId, contactId: `r-k${index}`, channel, layer };
    yield {
      stream: `journey-${customerId}`,
      events: [
        {
          type: 'ContactStarted',
          data: { ...where, occurredAt: new Date(at).toISOString(), topic: `t-${index % 7}` },
          metadata: metadata(`rs-${index}`),
        },
        {
          type: 'ContactEnded',
          data: { ...where, occurredAt: new Date(at + 300_000).toISOString(), outcome: 'resolved', waitSeconds: 20, handlingSeconds: 240 },
          metadata: metadata(`re-${index}`),
        },
      ],
    };
  }
}

/** Cases opened, assigned and resolved over the same year: the history a case board must not replay. */
function* closedCaseAppends(cases: number, start: number): Generator<StreamAppend> {
  for (let index = 0; index < cases; index += 1) {
    const caseId = `r-case-${index}`;
    const at = start + Math.floor((index / cases) * 365 * DAY_MS);
    const iso = (offset: number) => new Date(at + offset).toISOString();
    const context = {
      channelsTouched: ['chatbot'],
      botFailures: 2,
      earlierCases: [],
      fromChannel: 'chatbot',
      fromContactId: `r-chat-${index}`,
    };
    const opened = {
      caseId,
      customerId: `r-c${index}`,
      channel: 'live-chat',
      layer: 'assisted',
      trigger: 'bot-fallbacks',
      reason: 'the chatbot did not understand the customer repeatedly',
      context,
      openedAt: iso(0),
    };
    yield {
      stream: `case-${caseId}`,
      events: [
        { type: 'CaseOpened', data: opened, metadata: metadata(`ro-${index}`) },
        {
          type: 'CaseAssigned',
          data: { caseId, agentId: `r-agent-${index % 20}`, channel: 'live-chat', assignedAt: iso(60_000), how: 'routed' },
          metadata: metadata(`ra-${index}`),
        },
        {
          type: 'CaseResolved',
          data: { caseId, outcome: 'resolved', by: `r-agent-${index % 20}`, resolvedAt: iso(600_000) },
          metadata: metadata(`rr-${index}`),
        },
      ],
    };
  }
}

/** Appends in batches of about 1,000 events, one transaction each. */
const appendAll = async (store: SqliteEventStore, appends: Iterable<StreamAppend>): Promise<void> => {
  let batch: StreamAppend[] = [];
  let size = 0;
  for (const append of appends) {
    batch.push(append);
    size += append.events.length;
    if (size >= 1_000) {
      await store.appendToStreams(batch);
      [batch, size] = [[], 0];
    }
  }
  if (batch.length > 0) await store.appendToStreams(batch);
};

/** Polls `url` until its answer's status passes `status` (polling is the measurement here, not a test's wait). */
export const until = async (url: string, status: (code: number) => boolean): Promise<void> => {
  for (;;) {
    const response = await fetch(url).catch(() => undefined);
    if (response && status(response.status)) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });

/** The app as production runs it: compiled once by `nest build regie` (what `npm run build` does), then plain node. */
export const buildApp = (): void => {
  execFileSync(process.execPath, [require.resolve('@nestjs/cli/bin/nest.js'), 'build', 'regie'], { cwd: ROOT, stdio: 'inherit' });
};

interface StartFigures {
  readonly listeningMs: number;
  readonly readyMs: number;
  readonly rssMb: number;
}

export interface RestartFigures extends StartFigures {
  /** The same process started on an empty store: what a start costs before any history (the limit). */
  readonly empty: StartFigures;
  readonly firstStartMs: number;
}

/**
 * Starts the compiled app on `dir`, timed from the spawn: to listening (any answer of /health), and to
 * `/health/ready` 200; then stops it with SIGTERM, as an orchestrator would (read models save on the way out).
 */
const timedStart = async (dir: string): Promise<StartFigures> => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const spawned = performance.now();
  // REGIE_BENCH_CPU_PROF=<dir>: a V8 CPU profile of each start, written when the app exits.
  const profile = process.env.REGIE_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.REGIE_BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...APP_NODE_FLAGS, ...profile, MAIN], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      REGIE_PORT: String(port),
      REGIE_DATA_DIR: dir,
      REGIE_JWT_SECRET: SECRET,
      REGIE_RATE_LIMIT: '0',
      REGIE_LOG_LEVEL: process.env.REGIE_BENCH_LOG_LEVEL ?? 'silent',
    },
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await until(`${url}/health`, () => true);
  const listening = performance.now();
  await until(`${url}/health/ready`, (code) => code === 200);
  const ready = performance.now();
  const figures = { listeningMs: listening - spawned, readyMs: ready - spawned, rssMb: rssOf(child.pid!) };
  child.kill('SIGTERM');
  await exited;
  return figures;
};

/**
 * Restart cost: a store with `events` journey events and `cases` closed cases is written directly (the
 * server is not running); the first start catches every read model up and saves what it saves; the second
 * start, timed from the spawn of the process, is the restart: to listening, and to `/health/ready`.
 */
export const restartToReady = async (dir: string, events: number, cases: number, reuse?: string): Promise<RestartFigures> => {
  buildApp();
  const empty = await timedStart(join(dir, 'empty'));
  const data = reuse ?? dir;
  // --restart-data <dir>: a store written (and started once) by an earlier run is restarted as it is.
  if (reuse && existsSync(join(reuse, 'regie.db'))) return { empty, firstStartMs: Number.NaN, ...(await timedStart(reuse)) };
  mkdirSync(data, { recursive: true });
  const store = new SqliteEventStore({ filename: join(data, 'regie.db') });
  const start = Date.now() - 366 * DAY_MS;
  await appendAll(store, journeyAppends(events - cases * 3, Math.max(1, Math.floor(events / 50)), start));
  await appendAll(store, closedCaseAppends(cases, start));
  await store.close();
  const first = await timedStart(data);
  return { empty, firstStartMs: first.readyMs, ...(await timedStart(data)) };
};
