import type { CaseView } from '../case-view';

/** Which closed cases, a page at a time: in the order of (openedAt, id), those after `after`. */
export interface ClosedCaseQuery {
  readonly status?: 'resolved' | 'abandoned';
  readonly channel?: string;
  readonly layer?: string;
  /** The (openedAt, id) of the last case of the page before. */
  readonly after?: readonly [string, string];
  readonly limit: number;
}

/**
 * Closed cases (resolved, escalated or abandoned): history, kept in an indexed table beside the store
 * rather than in memory, so that neither memory nor a restart grows with it. Keeping a case again
 * replaces it, so replaying events the archive already holds changes nothing.
 */
export interface CaseArchive {
  /** Whether what it keeps outlives the process as long as the store does (so the board may start from a snapshot). */
  readonly durable: boolean;
  keep(views: readonly CaseView[]): Promise<void>;
  get(caseId: string): Promise<CaseView | undefined>;
  page(query: ClosedCaseQuery): Promise<CaseView[]>;
  /** The ids of the customer's closed cases, oldest first (then by id). */
  caseIdsOf(customerId: string): Promise<string[]>;
  /** The customer's closed cases are erased. */
  forgetCustomer(customerId: string): Promise<void>;
}

export const CASE_ARCHIVE = Symbol('CASE_ARCHIVE');

/** (openedAt, id): the order of every listing of cases. */
export const caseOrder = (a: CaseView, b: CaseView): number =>
  a.openedAt < b.openedAt ? -1 : a.openedAt > b.openedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Whether a closed case belongs in the query's page, apart from the limit. */
export const matches = (view: CaseView, query: ClosedCaseQuery): boolean =>
  (!query.status || view.status === query.status) &&
  (!query.channel || view.channel === query.channel) &&
  (!query.layer || view.layer === query.layer) &&
  (!query.after || view.openedAt > query.after[0] || (view.openedAt === query.after[0] && view.id > query.after[1]));
