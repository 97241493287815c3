import type { ConceptRevised, EscalationSettings, ServiceConcept, SurveyQuestion, SurveySet } from '@regie/concept';

/**
 * What measurement reads from the service concept. The concept file and its validator do not
 * know `measurement` and a question's `need` yet; they are optional, so today's concepts fit.
 */
export type AbandonedRule = 'missed' | 'excluded' | 'met';
export const ABANDONED_RULES: readonly AbandonedRule[] = ['missed', 'excluded', 'met'];

export interface MeasurementSettings {
  /** IANA zone whose calendar days, weeks and months the KPIs are reported in. */
  readonly timeZone?: string;
  /** Local dates (both included) whose contacts per day channel shift is measured against. */
  readonly baseline?: { readonly from: string; readonly to: string };
  /** How abandoned waits count in the service level. */
  readonly serviceLevelAbandoned?: AbandonedRule;
  /** Abandons within this many seconds are left out of the service level whatever the rule. */
  readonly shortAbandonSeconds?: number;
  /** Score (0–100) from which a measured need counts as met in the gap analysis. */
  readonly gapThreshold?: number;
}

export interface MeasuredQuestion extends SurveyQuestion {
  /** The customer need this question measures (a need id of the concept). */
  readonly need?: string;
}

export interface MeasuredSurveySet extends Omit<SurveySet, 'questions'> {
  readonly questions: readonly MeasuredQuestion[];
}

export interface MeasuredConcept extends Pick<
  ServiceConcept,
  'name' | 'layers' | 'channels' | 'needs' | 'fit' | 'serviceLevels' | 'kpiTargets'
> {
  readonly escalation: { readonly bot: Pick<EscalationSettings['bot'], 'channels'> };
  readonly surveys: readonly MeasuredSurveySet[];
  readonly measurement?: MeasurementSettings;
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
