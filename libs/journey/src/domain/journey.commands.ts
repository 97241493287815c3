import type { DomainCommand } from '@regie/eventsourcing';
import type { AccessDenied, AssistanceOffered, JourneyEvent } from './journey.events';

/** Record one thing that happened on a channel; the edge has already translated the interaction. */
export type RecordInteraction = DomainCommand<'RecordInteraction', { readonly observed: JourneyEvent }>;

export type OfferAssistance = DomainCommand<'OfferAssistance', { readonly offer: AssistanceOffered['data'] }>;

export type DenyAccess = DomainCommand<'DenyAccess', { readonly denial: AccessDenied['data'] }>;

export type JourneyCommand = RecordInteraction | OfferAssistance | DenyAccess;
