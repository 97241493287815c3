import type { Pool } from 'pg';
import { createPostgresTables } from '@regie/event-store';
import type { CaseView } from '../case-view';
import type { CaseArchive, ClosedCaseQuery } from './case-archive.port';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS regie_closed_cases (
  case_id     text  COLLATE "C" PRIMARY KEY,
  customer_id text  NOT NULL,
  status      text  NOT NULL,
  channel     text  NOT NULL,
  layer       text  NOT NULL,
  opened_at   text  COLLATE "C" NOT NULL,
  view        jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS regie_closed_cases_by_customer ON regie_closed_cases (customer_id, opened_at, case_id);
CREATE INDEX IF NOT EXISTS regie_closed_cases_in_order ON regie_closed_cases (opened_at, case_id);`;

/** An arbitrary lock id: processes starting together create the table one at a time. */
const SCHEMA_LOCK = 5_120_417;

/** Closed cases in `regie_closed_cases` beside the store's tables; `keep` writes all it is given in one statement. */
export class PostgresCaseArchive implements CaseArchive {
  readonly durable = true;

  private constructor(private readonly pool: Pool) {}

  /** Creates the table and its indexes when missing. */
  static async open(pool: Pool): Promise<PostgresCaseArchive> {
    await createPostgresTables(pool, SCHEMA_LOCK, SCHEMA);
    return new PostgresCaseArchive(pool);
  }

  async keep(views: readonly CaseView[]): Promise<void> {
    // The last of several views of one case wins, as one row can be changed only once per statement.
    const latest = [...new Map(views.map((view) => [view.id, view])).values()];
    if (latest.length === 0) return;
    const columns = (pick: (view: CaseView) => string) => latest.map(pick);
    await this.pool.query(
      `INSERT INTO regie_closed_cases (case_id, customer_id, status, channel, layer, opened_at, view)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[])
       ON CONFLICT (case_id) DO UPDATE SET customer_id = excluded.customer_id, status = excluded.status, channel = excluded.channel,
         layer = excluded.layer, opened_at = excluded.opened_at, view = excluded.view`,
      [
        columns((view) => view.id),
        columns((view) => view.customerId),
        columns((view) => view.status),
        columns((view) => view.channel),
        columns((view) => view.layer),
        columns((view) => view.openedAt),
        columns((view) => JSON.stringify(view)),
      ],
    );
  }

  async get(caseId: string): Promise<CaseView | undefined> {
    const { rows } = await this.pool.query<{ view: CaseView }>('SELECT view FROM regie_closed_cases WHERE case_id = $1', [caseId]);
    return rows[0]?.view;
  }

  async page(query: ClosedCaseQuery): Promise<CaseView[]> {
    const where: string[] = [];
    const values: (string | number)[] = [];
    const parameter = (value: string | number) => `$${values.push(value)}`;
    if (query.status !== undefined) where.push(`status = ${parameter(query.status)}`);
    if (query.channel !== undefined) where.push(`channel = ${parameter(query.channel)}`);
    if (query.layer !== undefined) where.push(`layer = ${parameter(query.layer)}`);
    if (query.after) where.push(`(opened_at, case_id) > (${parameter(query.after[0])}, ${parameter(query.after[1])})`);
    const sql = `SELECT view FROM regie_closed_cases ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY opened_at, case_id LIMIT ${parameter(query.limit)}`;
    const { rows } = await this.pool.query<{ view: CaseView }>(sql, values);
    return rows.map((row) => row.view);
  }

  async caseIdsOf(customerId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ case_id: string }>(
      'SELECT case_id FROM regie_closed_cases WHERE customer_id = $1 ORDER BY opened_at, case_id',
      [customerId],
    );
    return rows.map((row) => row.case_id);
  }

  async forgetCustomer(customerId: string): Promise<void> {
    await this.pool.query('DELETE FROM regie_closed_cases WHERE customer_id = $1', [customerId]);
  }
}
