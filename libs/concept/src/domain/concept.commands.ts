import type { ServiceConcept } from './service-concept';

/** The concept file as read at start: it comes into force only when it changed since it was last read. */
export interface AdoptConceptFile {
  readonly type: 'AdoptConceptFile';
  readonly data: { readonly concept: ServiceConcept; readonly fileDigest: string; readonly by: string; readonly at: string };
}

/** A supervisor's revision. */
export interface ReviseConcept {
  readonly type: 'ReviseConcept';
  readonly data: {
    readonly concept: ServiceConcept;
    readonly by: string;
    readonly at: string;
    /**
     * The revisions the supervisor may have edited (If-Match); when the one in force is not among
     * them, the change is refused. Absent: no precondition.
     */
    readonly basedOn?: readonly number[];
  };
}

export type ConceptCommand = AdoptConceptFile | ReviseConcept;
