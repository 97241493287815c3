import type Database from 'better-sqlite3';
import type { SqliteFile } from '@regie/event-store';
import type { CaseView } from '../case-view';
import type { CaseArchive, ClosedCaseQuery } from './case-archive.port';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS closed_cases (
  case_id     TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL,
  status      TEXT NOT NULL,
  channel     TEXT NOT NULL,
  layer       TEXT NOT NULL,
  opened_at   TEXT NOT NULL,
  view        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS closed_cases_by_customer ON closed_cases (customer_id, opened_at, case_id);
CREATE INDEX IF NOT EXISTS closed_cases_in_order ON closed_cases (opened_at, case_id);`;

const UPSERT = `INSERT INTO closed_cases (case_id, customer_id, status, channel, layer, opened_at, view) VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (case_id) DO UPDATE SET customer_id = excluded.customer_id, status = excluded.status, channel = excluded.channel,
    layer = excluded.layer, opened_at = excluded.opened_at, view = excluded.view`;

/** Closed cases in a table of the store's own SQLite file, kept by the store's writer in one transaction per call. */
export class SqliteCaseArchive implements CaseArchive {
  readonly durable = true;
  private readonly db: Database.Database;
  private readonly select;
  private readonly idsOf;
  /** One prepared statement per combination of filters. */
  private readonly pages = new Map<string, Database.Statement<(string | number)[], { view: string }>>();

  constructor(private readonly file: SqliteFile) {
    const { db } = file;
    this.db = db;
    db.exec(SCHEMA);
    this.select = db.prepare<[string], { view: string }>('SELECT view FROM closed_cases WHERE case_id = ?');
    this.idsOf = db.prepare<[string], { case_id: string }>(
      'SELECT case_id FROM closed_cases WHERE customer_id = ? ORDER BY opened_at, case_id',
    );
  }

  async keep(views: readonly CaseView[]): Promise<void> {
    await this.file.write(
      views.map((view) => ({
        sql: UPSERT,
        params: [view.id, view.customerId, view.status, view.channel, view.layer, view.openedAt, JSON.stringify(view)],
      })),
    );
  }

  async get(caseId: string): Promise<CaseView | undefined> {
    const row = this.select.get(caseId);
    return row && (JSON.parse(row.view) as CaseView);
  }

  async page(query: ClosedCaseQuery): Promise<CaseView[]> {
    const where: string[] = [];
    const values: (string | number)[] = [];
    const condition = (sql: string, ...given: string[]) => {
      where.push(sql);
      values.push(...given);
    };
    if (query.status !== undefined) condition('status = ?', query.status);
    if (query.channel !== undefined) condition('channel = ?', query.channel);
    if (query.layer !== undefined) condition('layer = ?', query.layer);
    if (query.after) condition('(opened_at, case_id) > (?, ?)', ...query.after);
    const sql = `SELECT view FROM closed_cases ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY opened_at, case_id LIMIT ?`;
    let statement = this.pages.get(sql);
    if (!statement) this.pages.set(sql, (statement = this.db.prepare<(string | number)[], { view: string }>(sql)));
    const rows = statement.all(...values, query.limit);
    return rows.map((row) => JSON.parse(row.view) as CaseView);
  }

  async caseIdsOf(customerId: string): Promise<string[]> {
    return this.idsOf.all(customerId).map((row) => row.case_id);
  }

  async forgetCustomer(customerId: string): Promise<void> {
    await this.file.write([{ sql: 'DELETE FROM closed_cases WHERE customer_id = ?', params: [customerId] }]);
  }
}
