import type Database from 'better-sqlite3';
import type { buildSync as BuildSync } from 'esbuild';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AppendWritten, EncodedBatch } from './sqlite-batch';
import { errorOf, type WithoutId, type WriterReply, type WriterRequest } from './sqlite-writer-protocol';
import { SqliteWrites, type SqlWrite } from './sqlite-writes';

/** Every change to the store's file goes through its writer: on the caller's thread, or on a thread of its own. */
export interface SqliteWriter {
  /** `ticket` and `after` as SqliteWrites.append takes them. */
  append(batch: EncodedBatch, ticket?: number, after?: number): Promise<AppendWritten>;
  deleteStream(stream: string): Promise<void>;
  write(writes: readonly SqlWrite[]): Promise<void>;
  close(): Promise<void>;
}

/** Writes on the caller's connection and thread (an in-memory database, which no other connection can open). */
export const inlineWriter = (db: Database.Database): SqliteWriter => {
  const writes = new SqliteWrites(db);
  return {
    append: async (batch, ticket, after) => writes.append(batch, ticket, after),
    deleteStream: async (stream) => writes.deleteStream(stream),
    write: async (statements) => writes.write(statements),
    close: async () => undefined,
  };
};

const bundled = new Map<string, string>();

/**
 * A worker's script (`sqlite-writer`, `sqlite-checkpointer`). Built, it is the compiled file beside this one; run
 * from TypeScript (tests, ts-node), it is bundled once per process with esbuild, and its `require` resolves from its source.
 */
const workerScript = (name: string): { readonly script: string; readonly eval: boolean } => {
  const compiled = join(__dirname, `${name}.worker.js`);
  if (existsSync(compiled)) return { script: compiled, eval: false };
  const entry = join(__dirname, `${name}.worker.ts`);
  const known = bundled.get(name);
  if (known) return { script: known, eval: true };
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a build tool, loaded only when running from source
  const { buildSync } = require('esbuild') as { buildSync: typeof BuildSync };
  const script = buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    write: false,
    banner: { js: `require = require('node:module').createRequire(${JSON.stringify(entry)});` },
  }).outputFiles[0]!.text;
  bundled.set(name, script);
  return { script, eval: true };
};

/**
 * How often the checkpointer thread moves committed pages from the write-ahead log into the file. Made by the
 * writer itself, past WAL_AUTOCHECKPOINT_PAGES, a checkpoint held its next write up for 45–55 ms (10,000 pages
 * and two fsyncs); the escalations waiting on that write made the p99 of `npm run bench -- --only ingest`.
 */
export const CHECKPOINT_EVERY_MS = 200;

/**
 * A thread that checkpoints the file beside the writer. The writer still checkpoints past WAL_AUTOCHECKPOINT_PAGES,
 * which lets the log start again from its beginning under a steady load; by then this thread has moved nearly every
 * page, so that the writer's share is small. A failure here stops only this thread.
 */
const startCheckpointer = (filename: string): { close(): Promise<void> } => {
  const { script, eval: isEval } = workerScript('sqlite-checkpointer');
  const worker = new Worker(script, { eval: isEval, workerData: { filename, everyMs: CHECKPOINT_EVERY_MS } });
  worker.unref();
  worker.on('error', () => undefined);
  const exit = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let closing: Promise<void> | undefined;
  return {
    close: () => {
      if (!closing) {
        worker.ref(); // held open until it has closed its connection
        worker.postMessage({ op: 'close' });
        closing = exit;
      }
      return closing;
    },
  };
};

/**
 * Writes on a thread of its own, with its own connection to the file: the insert, the index
 * updates and the commit (a third of the ingest's CPU time on the event loop) run beside the
 * caller's thread. Requests are handled one at a time, in the order given; the thread is held
 * open only while a request is pending, so an idle store never keeps the process alive.
 */
export const threadWriter = (filename: string): SqliteWriter => {
  const { script, eval: isEval } = workerScript('sqlite-writer');
  const worker = new Worker(script, { eval: isEval, workerData: { filename } });
  worker.unref();
  const checkpointer = startCheckpointer(filename);
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let stopped: Error | undefined;
  let closing: Promise<void> | undefined;

  const settleAll = (error: Error): void => {
    stopped ??= error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
    worker.unref();
    void checkpointer.close();
  };
  worker.on('message', ({ id, value, failure }: WriterReply) => {
    const request = pending.get(id);
    if (!request) return;
    pending.delete(id);
    // Closing, the thread stays referenced until it has exited: that is what close() waits for.
    if (pending.size === 0 && !closing) worker.unref();
    if (failure) request.reject(errorOf(failure));
    else request.resolve(value);
  });
  worker.on('error', (error) => settleAll(error));
  worker.on('exit', (code) => settleAll(new Error(`the store's writer thread stopped (exit code ${code})`)));

  const call = <T>(request: WithoutId<WriterRequest>): Promise<T> => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    if (pending.size === 0) worker.ref();
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  };

  return {
    append: (batch, ticket, after) => call<AppendWritten>({ op: 'append', batch, ticket, after }),
    deleteStream: (stream) => call<void>({ op: 'deleteStream', stream }),
    write: (writes) => (writes.length === 0 ? Promise.resolve() : call<void>({ op: 'write', writes })),
    close: () =>
      (closing ??= stopped
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            worker.once('exit', () => resolve());
            // Its reply may come after the thread has exited: the exit is what counts. The checkpointer closes first:
            // nothing moves pages into the file once the writer has gone.
            void checkpointer.close().then(() => call<void>({ op: 'close' }).catch(() => undefined));
          })),
  };
};
