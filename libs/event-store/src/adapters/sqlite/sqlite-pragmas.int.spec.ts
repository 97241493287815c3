import { mkdtempSync, rmSync } from 'node:fs';
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
});
