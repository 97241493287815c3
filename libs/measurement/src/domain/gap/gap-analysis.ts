import { measurementSettings, revisionInForce, type ConceptRevision, type MeasuredConcept } from '../concept/measured-concept';
import { round4 } from '../kpis/kpi';
import type { DateRange, KpiReadModels } from '../kpis/kpi-report';
import { questionCounter } from '../projections/survey-results.projection';
import { count, sumPerChannel, type Counters } from '../projections/tally';
import { eachDay } from '../time/calendar';
import { endOfLocalDay } from '../time/zoned-time';

export type GapVerdict = 'confirmed' | 'gap' | 'opportunity' | 'unmeasured';

export interface GapItem {
  readonly channel: string;
  readonly need: string;
  /** The concept's fit matrix: does the channel meet the need, as declared. */
  readonly declared: boolean;
  /** Mean of the answers to questions measuring the need on the channel, scaled 0–100. */
  readonly measured: { readonly value: number | null; readonly n: number };
  readonly verdict: GapVerdict;
}

export interface GapAnalysis extends DateRange {
  readonly timeZone: string;
  /** The revision in force at the end of the range: its fit, needs and questions are used. */
  readonly concept: { readonly name: string; readonly revision: number } | null;
  readonly gapThreshold: number;
  readonly items: readonly GapItem[];
}

export interface GapQuery extends DateRange {
  readonly readModels: Pick<KpiReadModels, 'surveys'>;
  readonly conceptRevisions: readonly ConceptRevision[];
}

/** Each answer scaled by its own question's range, so a 0–10 and a 1–5 question weigh alike. */
const measure = (counters: Counters, concept: MeasuredConcept, need: string): GapItem['measured'] => {
  const questions = concept.surveys.flatMap((set) =>
    set.questions.filter((q) => q.need === need && q.max > q.min).map((q) => ({ set, q })),
  );
  let n = 0;
  let scaled = 0;
  for (const { set, q } of questions) {
    const answers = count(counters, questionCounter(set.instrument, q.id, 'n'));
    n += answers;
    scaled += ((count(counters, questionCounter(set.instrument, q.id, 'sum')) - answers * q.min) / (q.max - q.min)) * 100;
  }
  return { value: n === 0 ? null : round4(scaled / n), n };
};

const verdictOf = (declared: boolean, measured: GapItem['measured'], threshold: number): GapVerdict => {
  if (measured.value === null) return 'unmeasured';
  const meets = measured.value >= threshold;
  if (declared) return meets ? 'confirmed' : 'gap';
  return meets ? 'opportunity' : 'confirmed';
};

/** Declared fit against measured satisfaction, one item per channel × need of the concept (DESIGN §7). */
export const computeGapAnalysis = ({ readModels, conceptRevisions, from, to }: GapQuery): GapAnalysis => {
  const { timeZone } = readModels.surveys;
  const revision = revisionInForce(conceptRevisions, endOfLocalDay(to, timeZone));
  const gapThreshold = measurementSettings(revision?.concept).gapThreshold;
  if (!revision) return { from, to, timeZone, concept: null, gapThreshold, items: [] };
  const { concept } = revision;
  const perChannel = sumPerChannel(readModels.surveys.days, eachDay(from, to));
  const items = concept.channels.flatMap((channel) =>
    concept.needs.map((need): GapItem => {
      const declared = concept.fit[channel.id]?.[need.id] ?? false;
      const measured = measure(perChannel[channel.id] ?? {}, concept, need.id);
      return { channel: channel.id, need: need.id, declared, measured, verdict: verdictOf(declared, measured, gapThreshold) };
    }),
  );
  return { from, to, timeZone, concept: { name: concept.name, revision: revision.revision }, gapThreshold, items };
};
