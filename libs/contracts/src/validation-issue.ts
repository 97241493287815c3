/** One thing wrong with an input: where (a dotted/indexed path such as `data.channel` or `[2].subject`) and why. */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}
