import type { CaseView } from './case-view';

/** Oldest first, then by id: the order agents take work in and pages list queues in. */
export const byOpening = (a: CaseView, b: CaseView): number =>
  a.openedAt < b.openedAt ? -1 : a.openedAt > b.openedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Soonest due first, then by id; only cases with a service level are kept in this order. */
const byDueTime = (a: CaseView, b: CaseView): number =>
  a.serviceLevelDueAt! < b.serviceLevelDueAt! ? -1 : a.serviceLevelDueAt! > b.serviceLevelDueAt! ? 1 : byOpening(a, b);

/**
 * Cases kept sorted: a binary search finds each place. Cases mostly arrive in the order they are kept
 * in (opened one after the other), so an insertion is mostly an append.
 */
class SortedCases {
  readonly items: CaseView[] = [];

  constructor(private readonly compare: (a: CaseView, b: CaseView) => number) {}

  /** Where `view` is, or would go. */
  private indexOf(view: CaseView): number {
    let [low, high] = [0, this.items.length];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.compare(this.items[middle]!, view) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  add(view: CaseView): void {
    const last = this.items.at(-1);
    if (!last || this.compare(last, view) < 0) this.items.push(view);
    else this.items.splice(this.indexOf(view), 0, view);
  }

  /** Removes the kept case with the same sort key as `view`; the key must not have changed since it was added. */
  remove(view: CaseView): void {
    const index = this.indexOf(view);
    if (this.items[index]?.id === view.id) this.items.splice(index, 1);
  }
}

interface Queue {
  readonly cases: SortedCases;
  breached: number;
}

/**
 * What waits, per channel in the order agents take it, and by due time: a queue is read (listed, counted,
 * dispatched from) without walking every waiting case, let alone every case ever opened.
 */
export class QueueIndex {
  private readonly queues = new Map<string, Queue>();
  private readonly due = new SortedCases(byDueTime);

  /** Keeps `next` in place of `previous` (either may be absent): a case is kept while it is queued. */
  replace(previous: CaseView | undefined, next: CaseView | undefined): void {
    if (previous?.status === 'queued') this.remove(previous);
    if (next?.status === 'queued') this.add(next);
  }

  /** One channel's queue, oldest first. */
  queue(channel: string): readonly CaseView[] {
    return this.queues.get(channel)?.cases.items ?? [];
  }

  channels(): string[] {
    return [...this.queues.keys()].filter((channel) => this.queue(channel).length > 0);
  }

  /** Every queued case, oldest first across the channels, as they were when asked (the queues may change while it is read). */
  *oldestFirst(channels: Iterable<string> = this.channels()): Generator<CaseView> {
    const cursors = [...channels].map((channel) => ({ items: [...this.queue(channel)], next: 0 })).filter(({ items }) => items.length > 0);
    for (;;) {
      let oldest: (typeof cursors)[number] | undefined;
      for (const cursor of cursors) {
        if (cursor.next >= cursor.items.length) continue;
        if (!oldest || byOpening(cursor.items[cursor.next]!, oldest.items[oldest.next]!) < 0) oldest = cursor;
      }
      if (!oldest) return;
      yield oldest.items[oldest.next++]!;
    }
  }

  /** Queued cases whose service level is not yet breached and falls due by `time`, soonest first. */
  dueBy(time: number): CaseView[] {
    const due: CaseView[] = [];
    for (const view of this.due.items) {
      if (Date.parse(view.serviceLevelDueAt!) > time) break;
      due.push(view);
    }
    return due;
  }

  summary(channel: string): { waiting: number; breached: number; oldestOpenedAt?: string } {
    const queue = this.queues.get(channel);
    const oldest = queue?.cases.items[0];
    return { waiting: queue?.cases.items.length ?? 0, breached: queue?.breached ?? 0, ...(oldest && { oldestOpenedAt: oldest.openedAt }) };
  }

  private add(view: CaseView): void {
    let queue = this.queues.get(view.channel);
    if (!queue) this.queues.set(view.channel, (queue = { cases: new SortedCases(byOpening), breached: 0 }));
    queue.cases.add(view);
    if (view.breached) queue.breached += 1;
    else if (view.serviceLevelDueAt !== undefined) this.due.add(view);
  }

  private remove(view: CaseView): void {
    const queue = this.queues.get(view.channel);
    if (!queue) return;
    queue.cases.remove(view);
    if (view.breached) queue.breached -= 1;
    else if (view.serviceLevelDueAt !== undefined) this.due.remove(view);
  }
}
