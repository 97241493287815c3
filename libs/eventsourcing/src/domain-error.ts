/**
 * How a refusal reads to a caller, whatever the transport: the edge maps each kind to one status
 * (HTTP: forbidden 403, conflict 409, precondition-failed 412, unprocessable 422, not-found 404, invalid 400).
 */
export type RefusalKind = 'forbidden' | 'conflict' | 'precondition-failed' | 'unprocessable' | 'not-found' | 'invalid';

/** One bad field of a command, where the refusal is about its input. */
export interface RefusedField {
  readonly path: string;
  readonly message: string;
}

/** A rule a command broke. Thrown by deciders and handlers; the edge turns it into an error response naming the rule. */
export class DomainRuleViolation<Rule extends string = string> extends Error {
  override readonly name = 'DomainRuleViolation';

  constructor(
    readonly rule: Rule,
    readonly kind: RefusalKind,
    message: string,
    readonly fields: readonly RefusedField[] = [],
  ) {
    super(message);
  }
}

/** A context's rules; `refuse` is typed explicitly so that TypeScript narrows after it (it never returns). */
export interface RuleBook<Rule extends string> {
  readonly rules: Readonly<Record<Rule, RefusalKind>>;
  violation(rule: Rule, message: string, fields?: readonly RefusedField[]): DomainRuleViolation<Rule>;
  refuse(rule: Rule, message: string, fields?: readonly RefusedField[]): never;
}

/**
 * A context's rules and how each refuses, as one table. The functions it returns take only the
 * table's rule ids, so a misspelt rule does not compile.
 */
export const ruleBook = <const Rules extends Readonly<Record<string, RefusalKind>>>(rules: Rules): RuleBook<keyof Rules & string> => {
  type Rule = keyof Rules & string;
  const violation = (rule: Rule, message: string, fields: readonly RefusedField[] = []): DomainRuleViolation<Rule> =>
    new DomainRuleViolation(rule, rules[rule] as RefusalKind, message, fields);
  return {
    rules,
    violation,
    refuse: (rule, message, fields) => {
      throw violation(rule, message, fields);
    },
  };
};
