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
    /** The revision the supervisor edited; a revision recorded since refuses the change. */
    readonly basedOn?: number;
  };
}

export type ConceptCommand = AdoptConceptFile | ReviseConcept;
