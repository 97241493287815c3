import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@regie/event-store';
import { fold } from '@regie/eventsourcing';
import { ERASURE_AUDIT_STREAM, erasureDecider, erasureStream, type CustomerErased, type ErasureEvent, type ErasureReason } from '../domain';

/** An erasure as the API shows it: never the customer. */
export interface ErasureView {
  readonly id: string;
  readonly status: 'pending' | 'completed';
  readonly reason: ErasureReason;
  readonly requestedAt: string;
  readonly erasedAt?: string;
}

/** Pending while its request stream exists; completed once the audit event records it (the request stream is gone then). */
@Injectable()
export class ErasureStatus {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async of(erasureId: string): Promise<ErasureView | undefined> {
    const events = await this.store.readStream(erasureStream(erasureId));
    const state = fold(
      erasureDecider,
      events.map((event) => ({ type: event.type, data: event.data }) as ErasureEvent),
    );
    if (state.status === 'pending') return { id: erasureId, status: 'pending', reason: state.reason, requestedAt: state.requestedAt };
    const audit = (await this.store.readStream(ERASURE_AUDIT_STREAM)).find(
      (event) => event.type === 'CustomerErased' && (event.data as CustomerErased['data']).erasureId === erasureId,
    );
    if (!audit) return undefined;
    const { reason, requestedAt, erasedAt } = audit.data as CustomerErased['data'];
    return { id: erasureId, status: 'completed', reason, requestedAt, erasedAt };
  }
}
