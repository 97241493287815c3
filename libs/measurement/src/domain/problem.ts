/** A problem with one field of the input: its path and what is accepted, for a 400 or a DLQ reason. */
export interface Problem {
  readonly path: string;
  readonly message: string;
}
