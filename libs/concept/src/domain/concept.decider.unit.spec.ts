import { DeciderSpecification } from '@regie/eventsourcing/testing';
import { conceptDecider } from './concept.decider';
import type { ConceptRevised } from './concept.events';
import type { ServiceConcept } from './service-concept';

const given = DeciderSpecification.for(conceptDecider);
const at = '2026-03-01T10:00:00.000Z';
const concept = { name: 'gemeente-voorbeeld', channels: [{ id: 'web', layer: 'self-service', label: 'Web' }] } as unknown as ServiceConcept;
const revisedConcept = { ...concept, organisation: 'Gemeente Voorbeeld (2027)' } as ServiceConcept;

const fromFile = (digest: string, content = concept): ConceptRevised => ({
  type: 'ConceptRevised',
  data: { concept: content, source: 'file', fileDigest: digest, revisedBy: 'regie', at },
});
const fromApi = (content: ServiceConcept): ConceptRevised => ({
  type: 'ConceptRevised',
  data: { concept: content, source: 'api', revisedBy: 'sup-1', at },
});
const adopt = (digest: string) => ({ type: 'AdoptConceptFile' as const, data: { concept, fileDigest: digest, by: 'regie', at } });
const revise = (content: ServiceConcept, basedOn?: readonly number[]) => ({
  type: 'ReviseConcept' as const,
  data: { concept: content, by: 'sup-1', at, ...(basedOn !== undefined && { basedOn }) },
});

describe('concept decider', () => {
  it('adopts the file the first time', () =>
    given([])
      .when(adopt('d1'))
      .then([fromFile('d1')]));
  it('adopts nothing when the file did not change', () =>
    given([fromFile('d1')])
      .when(adopt('d1'))
      .thenNothingHappens());
  it('keeps a supervisor revision in force over an unchanged file', () =>
    given([fromFile('d1'), fromApi(revisedConcept)])
      .when(adopt('d1'))
      .thenNothingHappens());
  it('lets a changed file win over an earlier revision', () =>
    given([fromFile('d1'), fromApi(revisedConcept)])
      .when(adopt('d2'))
      .then([fromFile('d2')]));
  it('records a revision', () =>
    given([fromFile('d1')])
      .when(revise(revisedConcept))
      .then([fromApi(revisedConcept)]));
  it('records nothing for an identical revision', () =>
    given([fromFile('d1')])
      .when(revise(concept))
      .thenNothingHappens());
  it('refuses renaming the concept', () =>
    given([fromFile('d1')])
      .when(revise({ ...concept, name: 'other' } as ServiceConcept))
      .thenRefuses('concept-name-fixed'));
  it('refuses a revision of an outdated revision', () =>
    given([fromFile('d1'), fromApi(revisedConcept)])
      .when(revise(concept, [0]))
      .thenRefuses('concept-revised-meanwhile'));
  it('refuses a revision whose If-Match names no revision at all (only weak or foreign tags)', () =>
    given([fromFile('d1')])
      .when(revise(revisedConcept, []))
      .thenRefuses('concept-revised-meanwhile'));
  it('accepts a revision when one of several revisions edited is in force', () =>
    given([fromFile('d1'), fromApi(revisedConcept)])
      .when(revise(concept, [0, 1]))
      .then([fromApi(concept)]));
  it('accepts a revision of the revision in force', () =>
    given([fromFile('d1')])
      .when(revise(revisedConcept, [0]))
      .then([fromApi(revisedConcept)]));
});
