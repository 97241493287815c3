import { ruleBook, type RefusalKind, type RuleBook } from '@regie/eventsourcing';

/** What a measurement query may refuse, and how. */
const MEASUREMENT_RULES = {
  'kpi-query-invalid': 'invalid',
} as const satisfies Readonly<Record<string, RefusalKind>>;

export type MeasurementRule = keyof typeof MEASUREMENT_RULES;
export const measurementRules: RuleBook<MeasurementRule> = ruleBook(MEASUREMENT_RULES);
