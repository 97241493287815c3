import type Database from 'better-sqlite3';
import type { ProjectionSnapshot, ProjectionStore } from './projection';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS projections (
  name       TEXT    PRIMARY KEY,
  position   INTEGER NOT NULL,
  state      TEXT    NOT NULL,
  updated_at TEXT    NOT NULL
);`;

/** One row per projection: its state and position change in the same statement. */
export class SqliteProjectionStore implements ProjectionStore {
  private readonly select;
  private readonly upsert;
  private readonly remove;

  constructor(db: Database.Database) {
    db.exec(SCHEMA);
    this.select = db.prepare<[string], { position: number; state: string }>('SELECT position, state FROM projections WHERE name = ?');
    this.upsert = db.prepare(
      `INSERT INTO projections (name, position, state, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, state = excluded.state, updated_at = excluded.updated_at`,
    );
    this.remove = db.prepare<[string]>('DELETE FROM projections WHERE name = ?');
  }

  async load<State>(name: string): Promise<ProjectionSnapshot<State> | undefined> {
    const row = this.select.get(name);
    return row ? { position: row.position, state: JSON.parse(row.state) as State } : undefined;
  }

  async save<State>(name: string, snapshot: ProjectionSnapshot<State>): Promise<void> {
    this.upsert.run(name, snapshot.position, JSON.stringify(snapshot.state), new Date().toISOString());
  }

  async reset(name: string): Promise<void> {
    this.remove.run(name);
  }
}
