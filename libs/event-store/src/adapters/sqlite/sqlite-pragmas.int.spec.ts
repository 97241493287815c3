import { mkdtempSync, rmSync, statSync, watch, type FSWatcher } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './sqlite-event-store';
import { PAGE_CACHE_KIB, WAL_AUTOCHECKPOINT_PAGES } from './sqlite-pragmas';

describe('the SQLite store connection', () => {
  const dir = mkdtempSync(join(tmpdir(), 'regie-pragmas-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes ahead (WAL), checkpoints every 10,000 pages and keeps a 32 MiB page cache', async () => {
    const store = new SqliteEventStore({ filename: join(dir, 'regie.db') });
    try {
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
      expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_AUTOCHECKPOINT_PAGES);
      expect(store.db.pragma('cache_size', { simple: true })).toBe(-PAGE_CACHE_KIB);
      expect(store.db.pragma('journal_size_limit', { simple: true })).toBe(64 * 1024 * 1024);
    } finally {
      await store.close();
    }
  });

  it('moves what the writer commits into the file on a thread of its own, long before the writer would', async () => {
    const filename = join(dir, 'checkpointed.db');
    const store = new SqliteEventStore({ filename });
    const sizeOfFile = () => statSync(filename, { throwIfNoEntry: false })?.size ?? 0;
    let watcher: FSWatcher | undefined;
    try {
      await store.appendToStream('checkpointed-1', [
        { type: 'Noted', data: { n: 1 }, metadata: { causationId: 'c', correlationId: 'c', actor: 't' } },
      ]);
      const before = sizeOfFile();
      // A hundred events: a few dozen pages in the log, far below the writer's own threshold (WAL_AUTOCHECKPOINT_PAGES).
      await store.appendToStream(
        'checkpointed-2',
        Array.from({ length: 100 }, (_, n) => ({
          type: 'Noted',
          data: { n, text: 'x'.repeat(500) },
          metadata: { causationId: `c${n}`, correlationId: 'c', actor: 't' },
        })),
      );
      // Only a checkpoint writes the file itself: waits for a change to it that makes it grow (else the test times out).
      await new Promise<void>((resolve) => {
        const check = (): void => (sizeOfFile() > before ? resolve() : undefined);
        watcher = watch(filename, check);
        check();
      });
      expect(sizeOfFile()).toBeGreaterThan(before);
    } finally {
      watcher?.close();
      await store.close();
    }
  });
});
