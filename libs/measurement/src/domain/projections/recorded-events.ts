import type { CaseEvent } from '@regie/cases';
import type { ConceptRevised } from '@regie/concept';
import type { JourneyEvent } from '@regie/journey';
import type { ProjectedEvent } from './projection';

/**
 * Which domain event a recorded event is, by its stream. The store only holds what the deciders
 * produced, so the data is trusted to match its type.
 */
export type MeasuredEvent =
  | { readonly stream: 'journey'; readonly event: JourneyEvent }
  | { readonly stream: 'case'; readonly event: CaseEvent }
  | { readonly stream: 'concept'; readonly event: ConceptRevised }
  | { readonly stream: 'other' };

export const STREAM_PREFIXES = { journey: 'journey-', case: 'case-', concept: 'concept-' } as const;

export const classify = (recorded: ProjectedEvent): MeasuredEvent => {
  const event = { type: recorded.type, data: recorded.data };
  if (recorded.streamName.startsWith(STREAM_PREFIXES.journey)) return { stream: 'journey', event: event as JourneyEvent };
  if (recorded.streamName.startsWith(STREAM_PREFIXES.case)) return { stream: 'case', event: event as CaseEvent };
  if (recorded.streamName.startsWith(STREAM_PREFIXES.concept) && recorded.type === 'ConceptRevised') {
    return { stream: 'concept', event: event as ConceptRevised };
  }
  return { stream: 'other' };
};
