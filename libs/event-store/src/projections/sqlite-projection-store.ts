import type { SqliteFile } from '../adapters/sqlite/sqlite-event-store';
import type { ProjectionSnapshot, ProjectionStore } from './projection';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS projections (
  name       TEXT    PRIMARY KEY,
  position   INTEGER NOT NULL,
  state      TEXT    NOT NULL,
  updated_at TEXT    NOT NULL
);`;

const UPSERT = `INSERT INTO projections (name, position, state, updated_at) VALUES (?, ?, ?, ?)
  ON CONFLICT (name) DO UPDATE SET position = excluded.position, state = excluded.state, updated_at = excluded.updated_at`;

/** One row per projection: its state and position change in the same statement, made by the store's writer. */
export class SqliteProjectionStore implements ProjectionStore {
  private readonly select;

  constructor(private readonly file: SqliteFile) {
    file.db.exec(SCHEMA);
    this.select = file.db.prepare<[string], { position: number; state: string }>('SELECT position, state FROM projections WHERE name = ?');
  }

  async load<State>(name: string): Promise<ProjectionSnapshot<State> | undefined> {
    const row = this.select.get(name);
    return row ? { position: row.position, state: JSON.parse(row.state) as State } : undefined;
  }

  async save<State>(name: string, snapshot: ProjectionSnapshot<State>): Promise<void> {
    await this.file.write([{ sql: UPSERT, params: [name, snapshot.position, JSON.stringify(snapshot.state), new Date().toISOString()] }]);
  }

  async reset(name: string): Promise<void> {
    await this.file.write([{ sql: 'DELETE FROM projections WHERE name = ?', params: [name] }]);
  }
}
