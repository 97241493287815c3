/** A supervisor's revision of the service concept, as received (validated by the handler). */
export class ReviseConceptCommand {
  constructor(
    readonly raw: unknown,
    readonly supervisorId: string,
    readonly basedOn?: number,
  ) {}
}
