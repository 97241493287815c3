import type { DomainEvent } from '@regie/eventsourcing';

/** One stream per erasure, under a random id: it holds the customer id only until the erasure is done, then it is deleted. */
export const ERASURE_PREFIX = 'erasure-';
export const erasureStream = (erasureId: string): string => `${ERASURE_PREFIX}${erasureId}`;

/** What stays of every erasure: who asked and when, never whom it was about. */
export const ERASURE_AUDIT_STREAM = 'audit-erasures';

/** The actor of erasures no person asked for (the journey retention). */
export const PRIVACY_SYSTEM_ACTOR = 'system';

/** `request`: the customer asked (GDPR art. 17); `retention`: the concept's journey retention passed. */
export type ErasureReason = 'request' | 'retention';

export type ErasureRequested = DomainEvent<
  'ErasureRequested',
  { readonly erasureId: string; readonly customerId: string; readonly reason: ErasureReason; readonly actor: string; readonly at: string }
>;
/** Every stream, case, safety record and read-model row of the customer is gone. */
export type CustomerDataErased = DomainEvent<
  'CustomerDataErased',
  { readonly erasureId: string; readonly actor: string; readonly at: string }
>;

export type ErasureEvent = ErasureRequested | CustomerDataErased;

/** The audit event in `audit-erasures`: no personal data of the customer, not even their id. */
export type CustomerErased = DomainEvent<
  'CustomerErased',
  {
    readonly erasureId: string;
    readonly reason: ErasureReason;
    readonly requestedBy: string;
    readonly requestedAt: string;
    readonly erasedAt: string;
    readonly actor: string;
    readonly at: string;
  }
>;
