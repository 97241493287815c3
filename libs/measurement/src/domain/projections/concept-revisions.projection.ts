import type { ConceptRevised } from '@regie/concept';
import type { ConceptRevision } from '../concept/measured-concept';
import type { MeasurementProjection } from './projection';

/** Every revision of the concept, in order: the targets of a period are those of the revision in force in it. */
export interface ConceptRevisions {
  readonly revisions: readonly ConceptRevision[];
}

export const CONCEPT_REVISIONS = 'concept-revisions';

/** Revisions are few (each a supervisor's PUT or a changed file), so all of them are kept. */
export const conceptRevisionsProjection: MeasurementProjection<ConceptRevisions> = {
  name: CONCEPT_REVISIONS,
  streamPrefixes: ['concept-'],
  initialState: () => ({ revisions: [] }),
  evolve: (state, event) => {
    if (event.type !== 'ConceptRevised') return state;
    const { concept, at } = event.data as ConceptRevised['data'];
    // Zero-based within the concept's own stream, like the ETag of GET /v1/service-concept.
    const revision = state.revisions.filter((earlier) => earlier.concept.name === concept.name).length;
    return { revisions: [...state.revisions, { revision, at, concept }] };
  },
};
