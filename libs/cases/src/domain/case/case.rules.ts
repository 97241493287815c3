import { ruleBook, type RefusalKind, type RuleBook } from '@regie/eventsourcing';

/** What working a case may refuse, and how. */
const CASE_RULES = {
  'no-such-case': 'not-found',
  'not-your-case': 'forbidden',
  'case-not-queued': 'conflict',
  'case-not-assigned': 'conflict',
  'escalation-must-go-up': 'unprocessable',
  'channel-not-open': 'invalid',
} as const satisfies Readonly<Record<string, RefusalKind>>;

export type CaseRule = keyof typeof CASE_RULES;
export const caseRules: RuleBook<CaseRule> = ruleBook(CASE_RULES);
