import { ruleBook, type RefusalKind, type RuleBook } from '@regie/eventsourcing';

/** What a revision of the service concept may refuse, and how. */
const CONCEPT_RULES = {
  'concept-invalid': 'invalid',
  'concept-name-fixed': 'conflict',
  'concept-revised-meanwhile': 'precondition-failed',
} as const satisfies Readonly<Record<string, RefusalKind>>;

export type ConceptRule = keyof typeof CONCEPT_RULES;
export const conceptRules: RuleBook<ConceptRule> = ruleBook(CONCEPT_RULES);
