import type { CaseEvent } from '@regie/cases';
import type { ConceptRevised } from '@regie/concept';
import type { JourneyEvent } from '@regie/journey';
import type { ProjectedEvent } from './projection';

export const STREAM_PREFIXES = { journey: 'journey-', case: 'case-', concept: 'concept-' } as const;

/*
 * Which domain event a recorded event is, by its stream. The store only holds what the deciders produced, so the
 * data is trusted to match its type. A recorded event has the domain event's type and data: it is read as that
 * event where it stands, not copied into one (two objects per event and projection were a tenth of the garbage
 * the ingest bench's events left).
 */

export const isJourneyEvent = (recorded: ProjectedEvent): recorded is ProjectedEvent & JourneyEvent =>
  recorded.streamName.startsWith(STREAM_PREFIXES.journey);

export const isCaseEvent = (recorded: ProjectedEvent): recorded is ProjectedEvent & CaseEvent =>
  recorded.streamName.startsWith(STREAM_PREFIXES.case);

export const isConceptRevised = (recorded: ProjectedEvent): recorded is ProjectedEvent & ConceptRevised =>
  recorded.streamName.startsWith(STREAM_PREFIXES.concept) && recorded.type === 'ConceptRevised';
