import type { Projection } from '@regie/event-store';
import { channelActivityProjection } from '../domain/channel-activity.projection';
import { DEFAULT_TIME_ZONE } from '../domain/concept/measured-concept';
import { conceptRevisionsProjection } from '../domain/projections/concept-revisions.projection';
import { measurementProjections, type KpiReadModels } from '../domain/projections/measurement-projections';
import { isTimeZone } from '../domain/time/zoned-time';

const durable = (projection: { name: string }): Projection<unknown> => projection as unknown as Projection<unknown>;

/** The names of the KPI read models of a zone, by what they hold (`contacts` → `kpi-contacts@Europe/Amsterdam`). */
export const kpiProjectionNames = (timeZone: string): Readonly<Record<keyof KpiReadModels, string>> => {
  const projections = measurementProjections(timeZone);
  return {
    contacts: projections.contacts.name,
    containment: projections.containment.name,
    fcr: projections.fcr.name,
    surveys: projections.surveys.name,
    caseQueue: projections.caseQueue.name,
  };
};

/**
 * Every durable projection, by name, with the KPI read models of the concept's time zone: what
 * the desk runs and `npm run projections:rebuild` knows.
 */
export const projectionsFor = (timeZone: string = DEFAULT_TIME_ZONE): Readonly<Record<string, Projection<unknown>>> => ({
  [channelActivityProjection.name]: durable(channelActivityProjection),
  [conceptRevisionsProjection.name]: durable(conceptRevisionsProjection),
  ...Object.fromEntries(Object.values(measurementProjections(timeZone)).map((projection) => [projection.name, durable(projection)])),
});

/** A projection by its name; KPI read models of any zone are named `kpi-<kind>@<zone>`. */
export const projectionNamed = (name: string): Projection<unknown> | undefined => {
  const zone = /^kpi-[a-z-]+@(.+)$/.exec(name)?.[1];
  return projectionsFor(zone !== undefined && isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE)[name];
};
