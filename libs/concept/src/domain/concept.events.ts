import type { ServiceConcept } from './service-concept';

/** A revision of the service concept came into force (stream `concept-<name>`). */
export interface ConceptRevised {
  readonly type: 'ConceptRevised';
  readonly data: {
    readonly concept: ServiceConcept;
    /** `file` when read from the concept file at start, `api` when a supervisor revised it. */
    readonly source: 'file' | 'api';
    /** Digest of the file's content, so a restart with an unchanged file changes nothing. */
    readonly fileDigest?: string;
    readonly revisedBy: string;
    readonly at: string;
  };
}

export type ConceptEvent = ConceptRevised;
