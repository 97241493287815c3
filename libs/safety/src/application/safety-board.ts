import { failureOf, stackFramesOf } from '@regie/eventsourcing';
import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CustomerDataHolders, Readiness, type CustomerDataHolder } from '@regie/eventsourcing/application';
import { safetyDecider } from '../domain/safety.decider';
import { type AggressionReport, type Exclusion, type SafetyState } from '../domain/safety.state';
import { type SafetyEvent } from '../domain/safety.events';
import { EVENT_STORE, START, type EventStore, type RecordedEvent, type Subscription } from '@regie/event-store';

const PREFIX = 'safety-';

/** A report as the API shows it: one `id`, like every resource (shared/DESIGN.md §3.3). */
export type ReportView = Omit<AggressionReport, 'reportId'> & { readonly id: string; readonly description: string };

/**
 * Every customer's safety record, folded with the safety decider's own `evolve` from the
 * `safety-` streams: the supervisors' inbox, exclusion lists, and id → customer lookups.
 */
@Injectable()
export class SafetyBoard implements OnApplicationBootstrap, OnApplicationShutdown, CustomerDataHolder {
  readonly name = 'safety-board';
  private readonly logger = new Logger('safety-board');
  private readonly states = new Map<string, SafetyState>();
  /** Descriptions live in the events only; the board keeps them for the inbox until erasure. */
  private readonly descriptions = new Map<string, string>();
  /** report or exclusion id → customer id, for the decisions that name only the id. */
  private readonly owners = new Map<string, string>();
  private appliedPosition = START;
  /** Everything up to here has been seen, safety event or not. */
  private seenPosition = START;
  private subscription?: Subscription;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() holders?: CustomerDataHolders,
    @Optional() private readonly readiness?: Readiness,
  ) {
    holders?.register(this);
  }

  onApplicationBootstrap(): void {
    const caughtUp = this.readiness?.expect('safety-board');
    this.subscription = this.store.subscribe({
      after: START,
      streamPrefixes: [PREFIX],
      onEvent: (event) => this.apply(event),
      onCaughtUp: (position) => {
        this.seenPosition = Math.max(this.seenPosition, position);
        caughtUp?.(position);
      },
      onError: (error) => this.logger.error(`the safety board stopped: ${failureOf(error)}`, stackFramesOf(error)),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }

  get position(): number {
    return this.appliedPosition;
  }

  /** Every safety event up to this position is on the board. */
  get seenUpTo(): number {
    return Math.max(this.appliedPosition, this.seenPosition);
  }

  /** Whether the customer has a safety record (reports, decisions, exclusions) on the board. */
  knows(customerId: string): boolean {
    return this.states.has(customerId);
  }

  /** Waits until the board has seen everything recorded so far (read-your-writes for lookups). */
  async catchUp(timeoutMs = 5_000): Promise<void> {
    const head = await this.store.headPosition();
    const until = Date.now() + timeoutMs;
    while (Math.max(this.appliedPosition, this.seenPosition) < head && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 10));
  }

  apply(recorded: RecordedEvent): void {
    if (recorded.position <= this.appliedPosition) return;
    this.appliedPosition = recorded.position;
    const customerId = recorded.streamName.slice(PREFIX.length);
    const event = { type: recorded.type, data: recorded.data } as SafetyEvent;
    if (event.type === 'SafetyRecordsErased') return this.forgetCustomer(customerId);
    if (event.type === 'AggressionReported') {
      this.descriptions.set(event.data.reportId, event.data.description);
      this.owners.set(event.data.reportId, customerId);
    }
    if (event.type === 'ExclusionRegistered') this.owners.set(event.data.exclusionId, customerId);
    this.states.set(customerId, safetyDecider.evolve(this.states.get(customerId) ?? safetyDecider.initialState(), event));
  }

  /** On the recorded erasure, and when the customer is erased on request (their stream may be gone before the board reads it). */
  forgetCustomer(customerId: string): void {
    const erased = this.states.get(customerId);
    for (const reportId of Object.keys(erased?.reports ?? {})) this.descriptions.delete(reportId);
    for (const id of [...Object.keys(erased?.reports ?? {}), ...Object.keys(erased?.exclusions ?? {})]) this.owners.delete(id);
    this.states.delete(customerId);
  }

  customers(): string[] {
    return [...this.states.keys()];
  }

  stateOf(customerId: string): SafetyState {
    return this.states.get(customerId) ?? safetyDecider.initialState();
  }

  /** Reports, oldest first (then by id); paging is the caller's. */
  reports(filter: { status?: string; customerId?: string } = {}): ReportView[] {
    const states = filter.customerId === undefined ? [...this.states.values()] : [this.stateOf(filter.customerId)];
    return states
      .flatMap((state) => Object.values(state.reports))
      .filter((report) => filter.status === undefined || report.status === filter.status)
      .sort((a, b) => a.reportedAt.localeCompare(b.reportedAt) || a.reportId.localeCompare(b.reportId))
      .map(({ reportId, ...report }) => ({ id: reportId, ...report, description: this.descriptions.get(reportId) ?? '' }));
  }

  exclusions(filter: { customerId?: string } = {}): Exclusion[] {
    const states = filter.customerId === undefined ? [...this.states.values()] : [this.stateOf(filter.customerId)];
    return states
      .flatMap((state) => Object.values(state.exclusions))
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.exclusionId.localeCompare(b.exclusionId));
  }

  customerOfReport(reportId: string): string | undefined {
    const customerId = this.owners.get(reportId);
    return customerId !== undefined && this.stateOf(customerId).reports[reportId] ? customerId : undefined;
  }

  customerOfExclusion(exclusionId: string): string | undefined {
    const customerId = this.owners.get(exclusionId);
    return customerId !== undefined && this.stateOf(customerId).exclusions[exclusionId] ? customerId : undefined;
  }
}
