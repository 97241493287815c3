import type { CaseView } from '../case-view';
import { caseOrder, matches, type CaseArchive, type ClosedCaseQuery } from './case-archive.port';

/** Closed cases in a map, for tests, the in-memory store, and stores without tables (EventStoreDB, rebuilt at each start). */
export class InMemoryCaseArchive implements CaseArchive {
  private readonly cases = new Map<string, CaseView>();
  private readonly byCustomer = new Map<string, Set<string>>();

  constructor(readonly durable: boolean) {}

  async keep(views: readonly CaseView[]): Promise<void> {
    for (const view of views) {
      this.cases.set(view.id, view);
      this.byCustomer.set(view.customerId, (this.byCustomer.get(view.customerId) ?? new Set()).add(view.id));
    }
  }

  async get(caseId: string): Promise<CaseView | undefined> {
    return this.cases.get(caseId);
  }

  async page(query: ClosedCaseQuery): Promise<CaseView[]> {
    return [...this.cases.values()]
      .filter((view) => matches(view, query))
      .sort(caseOrder)
      .slice(0, query.limit);
  }

  async caseIdsOf(customerId: string): Promise<string[]> {
    return [...(this.byCustomer.get(customerId) ?? [])]
      .map((id) => this.cases.get(id)!)
      .sort(caseOrder)
      .map((view) => view.id);
  }

  async forgetCustomer(customerId: string): Promise<void> {
    for (const id of this.byCustomer.get(customerId) ?? []) this.cases.delete(id);
    this.byCustomer.delete(customerId);
  }
}
