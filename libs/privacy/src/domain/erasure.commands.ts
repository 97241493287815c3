import type { DomainCommand } from '@regie/eventsourcing';
import type { ErasureReason } from './erasure.events';

export type RequestErasure = DomainCommand<
  'RequestErasure',
  { readonly erasureId: string; readonly customerId: string; readonly reason: ErasureReason; readonly actor: string; readonly now: string }
>;
/** Given by the erasure process once everything of the customer is deleted. */
export type ConfirmErasure = DomainCommand<'ConfirmErasure', { readonly actor: string; readonly now: string }>;

export type ErasureCommand = RequestErasure | ConfirmErasure;
