import type { ConceptRevised } from '@regie/concept';
import type { MeasuredConcept } from '../concept/measured-concept';

/**
 * The few concept settings a projection needs to judge an event (a wait threshold, a window,
 * CSI weights), per revision. An event is judged by the revision in force at its time, by the
 * same rule as a period's targets: the latest recorded at or before it, else the first.
 */
export type ConceptTimeline<Settings> = readonly { readonly at: number; readonly settings: Settings }[];

export const addRevision = <Settings>(
  timeline: ConceptTimeline<Settings>,
  revised: ConceptRevised['data'],
  pick: (concept: MeasuredConcept) => Settings,
): ConceptTimeline<Settings> => {
  const at = Date.parse(revised.at);
  return [...timeline, { at, settings: pick(revised.concept) }].sort((a, b) => a.at - b.at);
};

export const settingsAt = <Settings>(timeline: ConceptTimeline<Settings>, instant: number): Settings | undefined =>
  (timeline.filter((entry) => entry.at <= instant).at(-1) ?? timeline[0])?.settings;
