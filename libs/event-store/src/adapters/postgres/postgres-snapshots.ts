import type { Pool } from 'pg';
import type { CheckpointStore } from '../../checkpoint-store.port';
import type { ProjectionSnapshot, ProjectionStore } from '../../projections/projection';

/** Checkpoints in `regie_checkpoints` (created by the store's migrations), one row per subscriber. */
export class PostgresCheckpointStore implements CheckpointStore {
  constructor(private readonly pool: Pool) {}

  async load(name: string): Promise<number | undefined> {
    const { rows } = await this.pool.query<{ position: string }>('SELECT position FROM regie_checkpoints WHERE name = $1', [name]);
    return rows[0] === undefined ? undefined : Number(rows[0].position);
  }

  async save(name: string, position: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO regie_checkpoints (name, position) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = now()`,
      [name, position],
    );
  }
}

/** One row per projection: its state and position change in the same statement. */
export class PostgresProjectionStore implements ProjectionStore {
  constructor(private readonly pool: Pool) {}

  async load<State>(name: string): Promise<ProjectionSnapshot<State> | undefined> {
    const select = 'SELECT position, state FROM regie_projections WHERE name = $1';
    const { rows } = await this.pool.query<{ position: string; state: State }>(select, [name]);
    return rows[0] === undefined ? undefined : { position: Number(rows[0].position), state: rows[0].state };
  }

  async save<State>(name: string, snapshot: ProjectionSnapshot<State>): Promise<void> {
    await this.pool.query(
      `INSERT INTO regie_projections (name, position, state) VALUES ($1, $2, $3::json)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, state = excluded.state, updated_at = now()`,
      [name, snapshot.position, JSON.stringify(snapshot.state)],
    );
  }

  async reset(name: string): Promise<void> {
    await this.pool.query('DELETE FROM regie_projections WHERE name = $1', [name]);
  }
}
