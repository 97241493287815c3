import { botContainmentProjection, type BotContainment } from './bot-containment.projection';
import { caseQueueProjection, type CaseQueue } from './case-queue.projection';
import { contactActivityProjection, type ContactActivity } from './contact-activity.projection';
import { fcrProjection, type FirstContactResolution } from './fcr.projection';
import type { MeasurementProjection, ProjectedEvent } from './projection';
import { surveyResultsProjection, type SurveyResults } from './survey-results.projection';

/** The states of the measurement projections, all built in the same time zone. */
export interface KpiReadModels {
  readonly contacts: ContactActivity;
  readonly containment: BotContainment;
  readonly fcr: FirstContactResolution;
  readonly surveys: SurveyResults;
  readonly caseQueue: CaseQueue;
}

type Projections = { readonly [Name in keyof KpiReadModels]: MeasurementProjection<KpiReadModels[Name]> };

/** Every projection the KPIs are computed from, bucketed by the local days of `timeZone`; each runs and saves on its own. */
export const measurementProjections = (timeZone: string): Projections => ({
  contacts: contactActivityProjection(timeZone),
  containment: botContainmentProjection(timeZone),
  fcr: fcrProjection(timeZone),
  surveys: surveyResultsProjection(timeZone),
  caseQueue: caseQueueProjection(timeZone),
});

const NAMES = ['contacts', 'containment', 'fcr', 'surveys', 'caseQueue'] as const;

/** All of them as one projection: for specs, and tools that fold a log in memory. */
export const allMeasurementsProjection = (timeZone: string): MeasurementProjection<KpiReadModels> => {
  const projections = measurementProjections(timeZone);
  const evolveOne = <Name extends keyof KpiReadModels>(name: Name, state: KpiReadModels, event: ProjectedEvent): KpiReadModels[Name] => {
    const projection = projections[name] as MeasurementProjection<KpiReadModels[Name]>;
    const reads = projection.streamPrefixes.some((prefix) => event.streamName.startsWith(prefix));
    return reads ? projection.evolve(state[name], event) : state[name];
  };
  return {
    name: `kpi-all@${timeZone}`,
    streamPrefixes: [...new Set(NAMES.flatMap((name) => projections[name].streamPrefixes))],
    initialState: () => ({
      contacts: projections.contacts.initialState(),
      containment: projections.containment.initialState(),
      fcr: projections.fcr.initialState(),
      surveys: projections.surveys.initialState(),
      caseQueue: projections.caseQueue.initialState(),
    }),
    evolve: (state, event) => ({
      contacts: evolveOne('contacts', state, event),
      containment: evolveOne('containment', state, event),
      fcr: evolveOne('fcr', state, event),
      surveys: evolveOne('surveys', state, event),
      caseQueue: evolveOne('caseQueue', state, event),
    }),
  };
};
