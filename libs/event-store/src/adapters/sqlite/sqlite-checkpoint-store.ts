import type Database from 'better-sqlite3';
import type { CheckpointStore } from '../../checkpoint-store.port';
import { SQLITE_SCHEMA } from './sqlite-schema';

export class SqliteCheckpointStore implements CheckpointStore {
  private readonly select;
  private readonly upsert;

  constructor(db: Database.Database) {
    db.exec(SQLITE_SCHEMA);
    this.select = db.prepare<[string], { position: number }>('SELECT position FROM checkpoints WHERE name = ?');
    this.upsert = db.prepare(
      `INSERT INTO checkpoints (name, position, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    );
  }

  async load(name: string): Promise<number | undefined> {
    return this.select.get(name)?.position;
  }

  async save(name: string, position: number): Promise<void> {
    this.upsert.run(name, position, new Date().toISOString());
  }
}
