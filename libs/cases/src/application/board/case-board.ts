import { Injectable, Optional } from '@nestjs/common';
import { CustomerDataHolders, type CustomerDataHolder } from '@regie/eventsourcing/application';
import { agentDecider } from '../../domain/agent/agent.decider';
import { type AgentState } from '../../domain/agent/agent.state';
import { type AgentEvent } from '../../domain/agent/agent.events';
import { type CaseEvent } from '../../domain/case/case.events';
import type { RecordedEvent } from '@regie/event-store';
import { Subject } from 'rxjs';
import type { CaseView } from './case-view';
import { QueueIndex } from './queue-index';

export type { CaseStatus, CaseView } from './case-view';

/** What waits in one channel's queue, read without listing it. */
export interface QueueSummary {
  readonly waiting: number;
  readonly breached: number;
  readonly oldestOpenedAt?: string;
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
 * The live picture of queues and agents, kept in memory and fed by a subscription from the
 * start of the store: cheap to rebuild, and the deciders stay the guard of every invariant.
 */
@Injectable()
export class CaseBoard implements CustomerDataHolder {
  readonly name = 'case-board';
  private readonly cases = new Map<string, CaseView>();
  /** The queued ones among them, per channel and by due time: what agents take work from is read without walking every case. */
  private readonly waiting = new QueueIndex();
  private readonly agents = new Map<string, AgentState>();
  private readonly byCustomer = new Map<string, string[]>();
  private appliedPosition = 0;
  readonly changes = new Subject<BoardChange>();

  constructor(@Optional() holders?: CustomerDataHolders) {
    holders?.register(this);
  }

  /** The customer's cases leave the board (their streams are erased); agents keep their counts. */
  forgetCustomer(customerId: string): void {
    for (const caseId of this.byCustomer.get(customerId) ?? []) {
      this.waiting.replace(this.cases.get(caseId), undefined);
      this.cases.delete(caseId);
    }
    this.byCustomer.delete(customerId);
  }

  get position(): number {
    return this.appliedPosition;
  }

  apply(event: RecordedEvent): void {
    if (event.position <= this.appliedPosition) return;
    this.appliedPosition = event.position;
    let caseView: CaseView | undefined;
    if (CASE_TYPES.has(event.type)) {
      const domainEvent = { type: event.type, data: event.data } as CaseEvent;
      const id = domainEvent.data.caseId;
      const previous = this.cases.get(id);
      caseView = applyToCase(previous, domainEvent);
      if (caseView) {
        if (!previous) this.byCustomer.set(caseView.customerId, [...(this.byCustomer.get(caseView.customerId) ?? []), id]);
        this.cases.set(id, caseView);
        this.waiting.replace(previous, caseView);
      }
    } else if (AGENT_TYPES.has(event.type)) {
      const domainEvent = { type: event.type, data: event.data } as AgentEvent;
      const id = domainEvent.data.agentId;
      this.agents.set(id, agentDecider.evolve(this.agents.get(id) ?? agentDecider.initialState(), domainEvent));
    }
    this.changes.next({ event, ...(caseView && { caseView }) });
  }

  get(caseId: string): CaseView | undefined {
    return this.cases.get(caseId);
  }

  list(filter: { status?: string; channel?: string; layer?: string; assignee?: string } = {}): CaseView[] {
    const from = filter.status === 'queued' ? this.queuedWhere(filter) : this.cases.values();
    return [...from].filter(
      (view) =>
        (!filter.status || view.status === filter.status) &&
        (!filter.channel || view.channel === filter.channel) &&
        (!filter.layer || view.layer === filter.layer) &&
        (!filter.assignee || view.assignee === filter.assignee),
    );
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

  casesOfCustomer(customerId: string): string[] {
    return this.byCustomer.get(customerId) ?? [];
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
