import { assertNever, type Decider } from '@regie/eventsourcing';
import { conceptRules } from './concept.rules';
import type { ConceptCommand } from './concept.commands';
import type { ConceptEvent } from './concept.events';
import type { ServiceConcept } from './service-concept';

export interface ConceptState {
  /** Zero-based revision of the concept in force; −1 before the first. */
  readonly revision: number;
  readonly current?: ServiceConcept;
  readonly lastFileDigest?: string;
}

export const conceptStream = (name: string): string => `concept-${name}`;

const sameConcept = (a: ServiceConcept | undefined, b: ServiceConcept): boolean =>
  a !== undefined && JSON.stringify(a) === JSON.stringify(b);

const decide = (command: ConceptCommand, state: ConceptState): ConceptEvent[] => {
  switch (command.type) {
    case 'AdoptConceptFile': {
      const { concept, fileDigest, by, at } = command.data;
      if (state.lastFileDigest === fileDigest) return [];
      return [{ type: 'ConceptRevised', data: { concept, source: 'file', fileDigest, revisedBy: by, at } }];
    }
    case 'ReviseConcept': {
      const { concept, by, at, basedOn } = command.data;
      if (state.current && concept.name !== state.current.name) {
        conceptRules.refuse('concept-name-fixed', `the concept in force is "${state.current.name}"; a revision cannot rename it`);
      }
      if (basedOn !== undefined && !basedOn.includes(state.revision)) {
        const edited = basedOn.length === 0 ? 'none of the given ETags' : basedOn.join(' or ');
        conceptRules.refuse('concept-revised-meanwhile', `revision ${state.revision} is in force, not ${edited}: reload and edit again`);
      }
      if (sameConcept(state.current, concept)) return [];
      return [{ type: 'ConceptRevised', data: { concept, source: 'api', revisedBy: by, at } }];
    }
    default:
      return assertNever(command);
  }
};

const evolve = (state: ConceptState, event: ConceptEvent): ConceptState => ({
  revision: state.revision + 1,
  current: event.data.concept,
  lastFileDigest: event.data.source === 'file' ? event.data.fileDigest : state.lastFileDigest,
});

/**
 * Revisions of the service concept. The file seeds it and wins whenever its content changed;
 * otherwise the latest revision a supervisor made stays in force across restarts.
 */
export const conceptDecider: Decider<ConceptCommand, ConceptEvent, ConceptState> = {
  decide,
  evolve,
  initialState: () => ({ revision: -1 }),
};
