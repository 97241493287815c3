import { ruleBook, type RefusalKind, type RuleBook } from '@regie/eventsourcing';

/** What the safety decider refuses, and how: who may act is "forbidden", the state of a record "conflict". */
const SAFETY_RULES = {
  'reporter-must-be-agent': 'forbidden',
  'description-length': 'unprocessable',
  'unknown-category': 'unprocessable',
  'contact-required': 'unprocessable',
  'channel-required': 'unprocessable',
  'customer-mismatch': 'unprocessable',
  'decider-must-be-supervisor': 'forbidden',
  'four-eyes': 'forbidden',
  'unknown-report': 'unprocessable',
  'report-not-open': 'conflict',
  'no-open-report': 'unprocessable',
  'reason-required': 'unprocessable',
  'invalid-time': 'unprocessable',
  'end-in-past': 'unprocessable',
  'end-beyond-maximum': 'unprocessable',
  'alternatives-required': 'unprocessable',
  'alternative-excluded': 'unprocessable',
  'exclusion-not-in-force': 'conflict',
} as const satisfies Readonly<Record<string, RefusalKind>>;

export type SafetyRule = keyof typeof SAFETY_RULES;
export const safetyRules: RuleBook<SafetyRule> = ruleBook(SAFETY_RULES);
