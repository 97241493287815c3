import { Inject, Injectable } from '@nestjs/common';
import { agentDecider } from '../../domain/agent/agent.decider';
import { type AgentState } from '../../domain/agent/agent.state';
import { type AgentEvent } from '../../domain/agent/agent.events';
import { type CaseEvent } from '../../domain/case/case.events';
import type { RecordedEvent } from '@regie/event-store';
import { Subject } from 'rxjs';
import { CASE_ARCHIVE, caseOrder, matches, type CaseArchive, type ClosedCaseQuery } from './archive/case-archive.port';
import type { CaseView } from './case-view';
import { QueueIndex } from './queue-index';

export type { CaseStatus, CaseView } from './case-view';

/** What waits in one channel's queue, read without listing it. */
export interface QueueSummary {
  readonly waiting: number;
  readonly breached: number;
  readonly oldestOpenedAt?: string;
}

/** What the board holds, as saved with its position: open work and agents, never history. */
export interface BoardState {
  readonly open: readonly CaseView[];
  readonly agents: readonly AgentState[];
}

export interface BoardChange {
  readonly event: RecordedEvent;
  readonly caseView?: CaseView;
}

const CASE_TYPES = new Set([
  'CaseOpened',
  'CaseAssigned',
  'ServiceLevelBreached',
  'CaseOverflowed',
  'CaseEscalated',
  'CaseResolved',
  'CaseAbandoned',
]);
const AGENT_TYPES = new Set(['PresenceChanged', 'CaseTaken', 'CaseReleased']);

const applyToCase = (view: CaseView | undefined, event: CaseEvent): CaseView | undefined => {
  if (event.type === 'CaseOpened') {
    const data = event.data;
    return (
      view ?? {
        id: data.caseId,
        customerId: data.customerId,
        channel: data.channel,
        layer: data.layer,
        status: 'queued',
        reason: data.reason,
        trigger: data.trigger,
        context: data.context,
        openedAt: data.openedAt,
        breached: false,
        opened: data,
        ...(data.serviceLevelDueAt !== undefined && { serviceLevelDueAt: data.serviceLevelDueAt }),
        ...(data.escalatedFrom !== undefined && { escalatedFrom: data.escalatedFrom }),
      }
    );
  }
  if (!view) return view;
  switch (event.type) {
    case 'CaseAssigned':
      return { ...view, status: 'assigned', assignee: event.data.agentId, assignedAt: event.data.assignedAt };
    case 'ServiceLevelBreached':
      return { ...view, breached: true };
    case 'CaseOverflowed':
      return { ...view, channel: event.data.toChannel, layer: event.data.layer };
    case 'CaseEscalated':
      return { ...view, status: 'resolved', outcome: 'escalated', escalatedTo: event.data.newCaseId, closedAt: event.data.escalatedAt };
    case 'CaseResolved':
      return { ...view, status: 'resolved', outcome: event.data.outcome, closedAt: event.data.resolvedAt };
    case 'CaseAbandoned':
      return { ...view, status: 'abandoned', closedAt: event.data.abandonedAt };
  }
};

/**
 * The live picture of queues and agents: open cases (queued or assigned) and agents in memory, fed by a
 * subscription; closed cases go to the archive (an indexed table), so that neither memory nor a restart
 * grows with history. The deciders stay the guard of every invariant.
 */
@Injectable()
export class CaseBoard {
  private readonly cases = new Map<string, CaseView>();
  /** Cases closed since the archive was last written to: still found here until it has them. */
  private readonly closing = new Map<string, CaseView>();
  /** The queued ones among them, per channel and by due time: what agents take work from is read without walking every case. */
  private readonly waiting = new QueueIndex();
  private readonly agents = new Map<string, AgentState>();
  /** The open cases of each customer. */
  private readonly byCustomer = new Map<string, Set<string>>();
  private appliedPosition = 0;
  readonly changes = new Subject<BoardChange>();

  constructor(@Inject(CASE_ARCHIVE) private readonly archive: CaseArchive) {}

  get position(): number {
    return this.appliedPosition;
  }

  /** Whether the board may start from a saved state: only when the cases it closed outlive the process too. */
  get resumable(): boolean {
    return this.archive.durable;
  }

  /** Open cases and agents, as of `position`. */
  state(): BoardState {
    return { open: [...this.cases.values()], agents: [...this.agents.values()] };
  }

  /** Starts from a saved state (before any event is applied). */
  restore(state: BoardState, position: number): void {
    for (const view of state.open) this.hold(view, undefined);
    for (const agent of state.agents) if (agent.status !== 'unknown') this.agents.set(agent.agentId, agent);
    this.appliedPosition = position;
  }

  /** Writes the cases closed so far to the archive; what closes meanwhile waits for the next call. */
  async flush(): Promise<void> {
    const closed = [...this.closing.values()];
    if (closed.length === 0) return;
    await this.archive.keep(closed);
    for (const view of closed) if (this.closing.get(view.id) === view) this.closing.delete(view.id);
  }

  /** The customer's cases leave the board and the archive (their streams are erased); agents keep their counts. */
  async forgetCustomer(customerId: string): Promise<void> {
    for (const caseId of this.byCustomer.get(customerId) ?? []) {
      this.waiting.replace(this.cases.get(caseId), undefined);
      this.cases.delete(caseId);
    }
    this.byCustomer.delete(customerId);
    for (const [caseId, view] of this.closing) if (view.customerId === customerId) this.closing.delete(caseId);
    await this.archive.forgetCustomer(customerId);
  }

  apply(event: RecordedEvent): void {
    if (event.position <= this.appliedPosition) return;
    this.appliedPosition = event.position;
    let caseView: CaseView | undefined;
    if (CASE_TYPES.has(event.type)) {
      const domainEvent = { type: event.type, data: event.data } as CaseEvent;
      const previous = this.cases.get(domainEvent.data.caseId);
      caseView = applyToCase(previous, domainEvent);
      if (caseView) this.hold(caseView, previous);
    } else if (AGENT_TYPES.has(event.type)) {
      const domainEvent = { type: event.type, data: event.data } as AgentEvent;
      const id = domainEvent.data.agentId;
      this.agents.set(id, agentDecider.evolve(this.agents.get(id) ?? agentDecider.initialState(), domainEvent));
    }
    this.changes.next({ event, ...(caseView && { caseView }) });
  }

  private hold(view: CaseView, previous: CaseView | undefined): void {
    this.waiting.replace(previous, view);
    const ofCustomer = this.byCustomer.get(view.customerId) ?? new Set<string>();
    if (view.status === 'queued' || view.status === 'assigned') {
      this.cases.set(view.id, view);
      this.byCustomer.set(view.customerId, ofCustomer.add(view.id));
      return;
    }
    this.cases.delete(view.id);
    ofCustomer.delete(view.id);
    if (ofCustomer.size === 0) this.byCustomer.delete(view.customerId);
    this.closing.set(view.id, view);
  }

  /** An open case (queued or assigned). */
  open(caseId: string): CaseView | undefined {
    return this.cases.get(caseId);
  }

  /** Any case: open, or closed (from the archive). */
  async find(caseId: string): Promise<CaseView | undefined> {
    return this.cases.get(caseId) ?? this.closing.get(caseId) ?? (await this.archive.get(caseId));
  }

  /** Open cases (queued or assigned), filtered. */
  list(filter: { status?: 'queued' | 'assigned'; channel?: string; layer?: string; assignee?: string } = {}): CaseView[] {
    const from = filter.status === 'queued' ? this.queuedWhere(filter) : this.cases.values();
    return [...from].filter(
      (view) =>
        (!filter.status || view.status === filter.status) &&
        (!filter.channel || view.channel === filter.channel) &&
        (!filter.layer || view.layer === filter.layer) &&
        (!filter.assignee || view.assignee === filter.assignee),
    );
  }

  /**
   * Closed cases in the order of (openedAt, id), after `after`, at most `limit`: those closed since the
   * archive was last written to, and the archive's.
   */
  async closed(query: ClosedCaseQuery): Promise<CaseView[]> {
    const pending = [...this.closing.values()].filter((view) => matches(view, query));
    const kept = await this.archive.page(query);
    const ids = new Set(pending.map((view) => view.id));
    return [...pending, ...kept.filter((view) => !ids.has(view.id))].sort(caseOrder).slice(0, query.limit);
  }
  /** Per channel with anyone waiting: how many, how many past the service level, and since when the oldest waits. */
  queueSummary(): Map<string, QueueSummary> {
    return new Map(this.waiting.channels().map((channel) => [channel, this.waiting.summary(channel)]));
  }

  /** One channel's queued cases, oldest first (then by id). */
  queuedIn(channel: string): readonly CaseView[] {
    return this.waiting.queue(channel);
  }

  /** The channels where anyone waits. */
  queuedChannels(): string[] {
    return this.waiting.channels();
  }

  /** Queued cases in the given channels (all by default), oldest first across them. */
  queuedOldestFirst(channels?: Iterable<string>): Iterable<CaseView> {
    return this.waiting.oldestFirst(channels);
  }

  /** Queued cases, oldest first (then by id), in one channel or all, and in one layer or all: read as far as the reader goes. */
  *queuedWhere(filter: { channel?: string; layer?: string }): Generator<CaseView> {
    const from = filter.channel ? this.waiting.queue(filter.channel) : this.waiting.oldestFirst();
    for (const view of from) if (!filter.layer || view.layer === filter.layer) yield view;
  }

  /** Queued cases not yet past their service level that fall due by `time`, soonest first. */
  dueBy(time: number): CaseView[] {
    return this.waiting.dueBy(time);
  }

  /** The ids of every case of the customer, closed and open, oldest first. */
  async casesOf(customerId: string): Promise<string[]> {
    const closed = await this.archive.caseIdsOf(customerId);
    const known = new Set(closed);
    const recent = [...this.closing.values()].filter((view) => view.customerId === customerId);
    const open = [...(this.byCustomer.get(customerId) ?? [])].map((id) => this.cases.get(id)!);
    const later = [...recent, ...open].filter((view) => !known.has(view.id)).sort(caseOrder);
    return [...closed, ...later.map((view) => view.id)];
  }

  /** Queued cases, oldest first. */
  queued(): CaseView[] {
    return [...this.waiting.oldestFirst()];
  }

  /** Every agent seen so far, in the order they were first seen. */
  allAgents(): AgentState[] {
    return [...this.agents.values()];
  }

  agent(agentId: string): AgentState | undefined {
    return this.agents.get(agentId);
  }
}
