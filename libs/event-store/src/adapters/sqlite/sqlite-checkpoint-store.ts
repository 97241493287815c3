import type { CheckpointStore } from '../../checkpoint-store.port';
import type { SqliteFile } from './sqlite-event-store';

const UPSERT = `INSERT INTO checkpoints (name, position, updated_at) VALUES (?, ?, ?)
  ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`;

/**
 * Checkpoints in a table of the store's own file, saved through the store's writer. Every live subscriber saves
 * its checkpoint when it has caught up, so each append brought half a dozen saves, each a message to the writer
 * thread and a transaction of its own. Saves asked for while one is being written go together in the next: one
 * transaction with each name's last position, as the saves one by one would have left it. The `checkpoints` table
 * is part of the store's schema, made when the store opened the file (`prepareSqliteSchema`).
 */
export class SqliteCheckpointStore implements CheckpointStore {
  private readonly select;
  /** Positions to save in the next write, by name. */
  private due = new Map<string, number>();
  /** The write that will save `due`, waiting for the one before it. */
  private next: Promise<void> | undefined;
  /** The last write asked for, failed or not: the next one starts after it. */
  private last: Promise<void> = Promise.resolve();

  constructor(private readonly file: SqliteFile) {
    this.select = file.db.prepare<[string], { position: number }>('SELECT position FROM checkpoints WHERE name = ?');
  }

  async load(name: string): Promise<number | undefined> {
    return this.select.get(name)?.position;
  }

  save(name: string, position: number): Promise<void> {
    this.due.set(name, position);
    if (!this.next) {
      const next = this.last.then(() => this.writeDue());
      this.next = next;
      this.last = next.catch(() => undefined);
    }
    return this.next;
  }

  private writeDue(): Promise<void> {
    const due = this.due;
    this.due = new Map();
    this.next = undefined;
    const at = new Date().toISOString();
    return this.file.write([...due].map(([name, position]) => ({ sql: UPSERT, params: [name, position, at] })));
  }
}
