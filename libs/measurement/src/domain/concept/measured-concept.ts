import type {
  AbandonedRule,
  ConceptRevised,
  EscalationSettings,
  MeasurementSettings,
  ServiceConcept,
  SurveyQuestion,
  SurveySet,
} from '@regie/concept';

/** What measurement reads from the service concept: the settings of §7 are part of the concept itself. */
export type { AbandonedRule, MeasurementSettings };
export const ABANDONED_RULES: readonly AbandonedRule[] = ['missed', 'excluded', 'met'];
export type MeasuredQuestion = SurveyQuestion;
export type MeasuredSurveySet = SurveySet;

export interface MeasuredConcept extends Pick<
  ServiceConcept,
  'name' | 'layers' | 'channels' | 'needs' | 'fit' | 'serviceLevels' | 'kpiTargets' | 'surveys' | 'measurement'
> {
  readonly escalation: { readonly bot: Pick<EscalationSettings['bot'], 'channels'> };
}

/** One revision of the concept as recorded in `concept-<name>` (revision 0 is the first event). */
export interface ConceptRevision {
  readonly revision: number;
  /** When it was recorded (the event's `at`). */
  readonly at: string;
  readonly concept: MeasuredConcept;
}

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

export interface ResolvedMeasurementSettings {
  readonly timeZone: string;
  readonly baseline?: { readonly from: string; readonly to: string };
  readonly serviceLevelAbandoned: AbandonedRule;
  readonly shortAbandonSeconds: number;
  readonly gapThreshold: number;
}

export const measurementSettings = (concept: Pick<MeasuredConcept, 'measurement'> | undefined): ResolvedMeasurementSettings => ({
  timeZone: concept?.measurement?.timeZone ?? DEFAULT_TIME_ZONE,
  ...(concept?.measurement?.baseline && { baseline: concept.measurement.baseline }),
  serviceLevelAbandoned: concept?.measurement?.serviceLevelAbandoned ?? 'missed',
  shortAbandonSeconds: concept?.measurement?.shortAbandonSeconds ?? 5,
  gapThreshold: concept?.measurement?.gapThreshold ?? 70,
});

/** The concept stream's events in order, as revisions. */
export const conceptRevisionsOf = (events: readonly ConceptRevised[]): ConceptRevision[] =>
  events.map((event, revision) => ({ revision, at: event.data.at, concept: event.data.concept }));

/**
 * The revision in force in a period that ends (exclusively) at `endsAt`: the latest recorded before
 * that end; for a period older than every revision (history imported later), the first.
 */
export const revisionInForce = (revisions: readonly ConceptRevision[], endsAt: number): ConceptRevision | undefined => {
  const ordered = [...revisions].sort((a, b) => a.revision - b.revision);
  const before = ordered.filter((revision) => Date.parse(revision.at) < endsAt);
  return before.at(-1) ?? ordered[0];
};
