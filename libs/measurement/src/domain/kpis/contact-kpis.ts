import type { AbandonedRule, MeasuredConcept } from '../concept/measured-concept';
import { count, type Counters } from '../projections/tally';
import { atLeast, atMost, kpi, ratio, type Kpi, type Target } from './kpi';

const OUTCOMES = ['resolved', 'unresolved', 'abandoned', 'transferred'] as const;

/** AHT: mean handling seconds of the contacts that reported them; the target is a maximum. */
export const ahtKpi = (counters: Counters, channel: string, concept: MeasuredConcept | undefined): Kpi => {
  const handled = count(counters, 'handled');
  const mean = handled === 0 ? undefined : count(counters, 'handlingSeconds') / handled;
  return kpi(mean, handled, atMost(concept?.kpiTargets.ahtSeconds[channel]));
};

export const abandonmentKpi = (counters: Counters): Kpi => {
  const ended = OUTCOMES.reduce((sum, outcome) => sum + count(counters, outcome), 0);
  return ratio(count(counters, 'abandoned'), ended, undefined);
};

/** Waits already judged against the target wait; short abandons are never among them. */
interface Waits {
  readonly met: number;
  readonly missed: number;
  readonly abandoned: number;
}

const serviceLevel = ({ met, missed, abandoned }: Waits, rule: AbandonedRule, target: Target | undefined): Kpi => {
  switch (rule) {
    case 'missed':
      return ratio(met, met + missed + abandoned, target);
    case 'excluded':
      return ratio(met, met + missed, target);
    case 'met':
      return ratio(met + abandoned, met + missed + abandoned, target);
    default: {
      const _: never = rule;
      return _;
    }
  }
};

const targetShare = (concept: MeasuredConcept | undefined, channel: string): Target | undefined =>
  atLeast(concept?.serviceLevels[channel]?.targetShare);

/** Share of contacts answered within the channel's target wait, abandons counted as the concept says. */
export const serviceLevelKpi = (counters: Counters, channel: string, concept: MeasuredConcept | undefined, rule: AbandonedRule): Kpi =>
  serviceLevel(
    { met: count(counters, 'waitMet'), missed: count(counters, 'waitMissed'), abandoned: count(counters, 'waitAbandoned') },
    rule,
    targetShare(concept, channel),
  );

/** The same figure for Regie's own queues: case opened → assigned. */
export const caseServiceLevelKpi = (counters: Counters, channel: string, concept: MeasuredConcept | undefined, rule: AbandonedRule): Kpi =>
  serviceLevel(
    { met: count(counters, 'caseMet'), missed: count(counters, 'caseMissed'), abandoned: count(counters, 'caseAbandoned') },
    rule,
    targetShare(concept, channel),
  );

/** Ended bot contacts without a case or handoff, over ended bot contacts (`counters` summed over the bot channels). */
export const botContainmentKpi = (counters: Counters, concept: MeasuredConcept | undefined): Kpi =>
  ratio(count(counters, 'contained'), count(counters, 'ended'), atLeast(concept?.kpiTargets.botContainment.min));
