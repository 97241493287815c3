import type { CheckpointStore } from '../../checkpoint-store.port';
import type { SqliteFile } from './sqlite-event-store';
import { SQLITE_SCHEMA } from './sqlite-schema';

const UPSERT = `INSERT INTO checkpoints (name, position, updated_at) VALUES (?, ?, ?)
  ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`;

/** Checkpoints in a table of the store's own file, saved through the store's writer. */
export class SqliteCheckpointStore implements CheckpointStore {
  private readonly select;

  constructor(private readonly file: SqliteFile) {
    file.db.exec(SQLITE_SCHEMA);
    this.select = file.db.prepare<[string], { position: number }>('SELECT position FROM checkpoints WHERE name = ?');
  }

  async load(name: string): Promise<number | undefined> {
    return this.select.get(name)?.position;
  }

  async save(name: string, position: number): Promise<void> {
    await this.file.write([{ sql: UPSERT, params: [name, position, new Date().toISOString()] }]);
  }
}
