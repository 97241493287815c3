/** A supervisor's revision of the service concept, as received (validated by the handler). */
export class ReviseConceptCommand {
  constructor(
    readonly raw: unknown,
    readonly supervisorId: string,
    /** From If-Match: the revisions the supervisor edited; absent (or `*`) means any. */
    readonly basedOn?: readonly number[],
  ) {}
}
