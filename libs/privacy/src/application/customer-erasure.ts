import { Inject, Injectable } from '@nestjs/common';
import { caseStream, type CaseOpened } from '@regie/cases';
import { CHECKPOINT_STORE, EVENT_STORE, START, type CheckpointStore, type EventStore, type RecordedEvent } from '@regie/event-store';
import { CLOCK, fold, type Clock } from '@regie/eventsourcing';
import { CheckpointedProcess, CustomerDataHolders, Leadership } from '@regie/eventsourcing/application';
import { journeyStream } from '@regie/journey';
import { safetyStream, SafetyStreams } from '@regie/safety';
import {
  auditOf,
  ERASURE_AUDIT_STREAM,
  ERASURE_PREFIX,
  erasureDecider,
  erasureStream,
  type ErasureEvent,
  type ErasureState,
} from '../domain';
import { ErasureStreams } from './erasure-streams';

export const CUSTOMER_ERASURE = 'customer-erasure';
const PAGE = 500;

/**
 * Carries out recorded erasure requests (`erasure-<id>`), while this instance leads, from its
 * checkpoint: a request recorded while no instance led, or before a crash, is carried out on the
 * next start. Every step is idempotent — deleting what is gone, forgetting who is unknown,
 * confirming twice, the audit event by its idempotency key — so a repeated event is harmless.
 *
 * The steps: the safety records through their own erasure (`SafetyRecordsErased`), the case and
 * journey streams, what every holder in this process keeps; then `CustomerDataErased`, the audit
 * event, and the request stream itself is deleted, so no copy of the customer id stays behind.
 */
@Injectable()
export class CustomerErasure extends CheckpointedProcess {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CHECKPOINT_STORE) checkpoints: CheckpointStore,
    leadership: Leadership,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly erasures: ErasureStreams,
    private readonly safety: SafetyStreams,
    private readonly holders: CustomerDataHolders,
  ) {
    super(CUSTOMER_ERASURE, { streamPrefixes: [ERASURE_PREFIX] }, store, checkpoints, leadership);
  }

  async onEvent(event: RecordedEvent): Promise<void> {
    await this.complete(event.streamName.slice(ERASURE_PREFIX.length));
  }

  /** Takes the erasure from wherever it stands to done; a deleted request stream means done already. */
  async complete(erasureId: string): Promise<void> {
    let state = await this.stateOf(erasureId);
    if (state.status === 'none') return;
    const metadata = { causationId: `erasure:${erasureId}`, correlationId: `erasure:${erasureId}`, actor: state.requestedBy };
    if (state.status === 'pending') {
      await this.eraseCustomer(state.customerId, state.requestedBy);
      await this.erasures.handle(
        erasureId,
        { type: 'ConfirmErasure', data: { actor: state.requestedBy, now: this.clock.now().toISOString() } },
        { ...metadata, idempotencyKey: `erasure#${erasureId}#erased` },
      );
      state = await this.stateOf(erasureId);
    }
    if (state.status !== 'completed') return;
    await this.store.appendToStream(ERASURE_AUDIT_STREAM, [
      { ...auditOf(state, state.requestedBy), metadata: { ...metadata, idempotencyKey: `erasure#${erasureId}#audit` } },
    ]);
    await this.store.deleteStream(erasureStream(erasureId));
  }

  private async stateOf(erasureId: string): Promise<ErasureState> {
    const events = await this.store.readStream(erasureStream(erasureId));
    return fold(
      erasureDecider,
      events.map((event) => ({ type: event.type, data: event.data }) as ErasureEvent),
    );
  }

  private async eraseCustomer(customerId: string, actor: string): Promise<void> {
    const now = this.clock.now().toISOString();
    await this.safety.handle(
      customerId,
      { type: 'EraseOnRequest', data: { now, actor } },
      { causationId: 'erasure', correlationId: 'erasure', actor },
    );
    await this.store.deleteStream(safetyStream(customerId));
    for (const caseId of await this.casesOf(customerId)) await this.store.deleteStream(caseStream(caseId));
    await this.store.deleteStream(journeyStream(customerId));
    await this.holders.forget(customerId);
  }

  /** The customer's cases, from the store itself (not a read model that may lag): every `CaseOpened` naming them. */
  private async casesOf(customerId: string): Promise<string[]> {
    const caseIds: string[] = [];
    for (let after = START; ;) {
      const page = await this.store.readAll({ after, maxCount: PAGE, streamPrefixes: ['case-'] });
      for (const event of page) {
        const opened = event.type === 'CaseOpened' ? (event.data as CaseOpened['data']) : undefined;
        if (opened?.customerId === customerId) caseIds.push(opened.caseId);
      }
      if (page.length < PAGE) return caseIds;
      after = page[page.length - 1]!.position;
    }
  }
}
