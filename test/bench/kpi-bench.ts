import { join } from 'node:path';
import { loadServiceConceptFile } from '@regie/concept';
import { allMeasurementsProjection, computeKpis, conceptRevisionsOf, newKpiMemory, type ProjectedEvent } from '@regie/measurement';
import { seededRandom } from '../simulator/journeys';
import { summarise } from './stats';

const CHANNELS = ['web', 'app', 'chatbot', 'phone', 'live-chat', 'video', 'counter'];
const LAYERS: Record<string, string> = {
  web: 'self-service',
  app: 'self-service',
  chatbot: 'self-service',
  video: 'personal',
  counter: 'personal',
};

interface Where {
  readonly customer: string;
  readonly contact: string;
  readonly channel: string;
}
/** Journey events as the store holds them (the projections read `type`, `data` and the stream). */
const journey = (type: string, at: string, where: Where, extra: object = {}): ProjectedEvent => ({
  streamName: `journey-${where.customer}`,
  type,
  data: {
    customerId: where.customer,
    contactId: where.contact,
    channel: where.channel,
    layer: LAYERS[where.channel] ?? 'assisted',
    occurredAt: at,
    ...extra,
  },
});
const started = (at: string, where: Where & { topic: string }) => journey('ContactStarted', at, where, { topic: where.topic });
const answered = (at: string, instrument: string, answers: object, where: Where) =>
  journey('SurveyAnswered', at, where, { instrument, answers });
const DAY_MS = 86_400_000;

/** A year of synthetic contacts (started, ended with waits and handling, a third answering a survey), in time order. */
function* yearOfEvents(contacts: number, random: () => number): Generator<ProjectedEvent> {
  const start = Date.UTC(2025, 0, 1, 7);
  for (let index = 0; index < contacts; index += 1) {
    const at = start + Math.floor((index / contacts) * 365 * DAY_MS);
    const where: Where = { customer: `c-${Math.floor(random() * contacts * 0.6)}`, contact: `k-${index}`, channel: CHANNELS[index % 7]! };
    yield started(new Date(at).toISOString(), { ...where, topic: `t-${index % 9}` });
    const outcome = random() < 0.1 ? 'abandoned' : random() < 0.8 ? 'resolved' : 'unresolved';
    const waitSeconds = Math.floor(random() * 120);
    const handlingSeconds = 60 + Math.floor(random() * 600);
    yield journey('ContactEnded', new Date(at + 300_000).toISOString(), where, { outcome, waitSeconds, handlingSeconds });
    if (where.channel === 'phone' && random() < 0.33) {
      yield answered(new Date(at + 400_000).toISOString(), 'nps', { recommend: Math.floor(random() * 11) }, where);
    }
  }
}

/** KPI query latency: `computeKpis` over the read models of a year, day by day (the route adds only JSON). */
export const kpiQueryLatency = (contacts: number, queries: number) => {
  const concept = loadServiceConceptFile(join(__dirname, '../../config/service-concept.yaml'));
  const projection = allMeasurementsProjection('Europe/Amsterdam');
  const revised = { concept, source: 'file', revisedBy: 'bench', at: '2024-12-01T00:00:00Z' } as const;
  let state = projection.evolve(projection.initialState(), {
    streamName: `concept-${concept.name}`,
    type: 'ConceptRevised',
    data: revised,
  });
  let events = 1;
  const folding = performance.now();
  for (const event of yearOfEvents(contacts, seededRandom(7))) {
    state = projection.evolve(state, { ...event, recordedAt: '2026-01-01T00:00:00Z' });
    events += 1;
  }
  const foldMs = performance.now() - folding;
  const conceptRevisions = conceptRevisionsOf([{ type: 'ConceptRevised', data: revised }]);
  // Channel shift against the year before, as a concept measuring 2025 would set it (the example's baseline is 2025 itself).
  const baseline = { from: '2024-01-01', to: '2024-12-31' };
  const time = (granularity: 'day' | 'total') =>
    summarise(
      Array.from({ length: queries }, () => {
        const begun = performance.now();
        computeKpis({ readModels: state, conceptRevisions, from: '2025-01-01', to: '2025-12-31', granularity, baseline });
        return performance.now() - begun;
      }),
    );
  // As the server answers while events arrive: one more contact on the year's last day before each query, the
  // periods kept between queries (a fresh memory first computes them all once).
  const kept = newKpiMemory();
  computeKpis({ readModels: state, conceptRevisions, from: '2025-01-01', to: '2025-12-31', granularity: 'day', baseline }, kept);
  const live = summarise(
    Array.from({ length: queries }, (_, index) => {
      const where: Where = { customer: `live-${index}`, contact: `live-${index}`, channel: CHANNELS[index % 7]! };
      state = projection.evolve(state, {
        ...started('2025-12-31T12:00:00Z', { ...where, topic: 't-live' }),
        recordedAt: '2026-01-01T00:00:00Z',
      });
      const begun = performance.now();
      computeKpis({ readModels: state, conceptRevisions, from: '2025-01-01', to: '2025-12-31', granularity: 'day', baseline }, kept);
      return performance.now() - begun;
    }),
  );
  return { events, foldMs, day: time('day'), total: time('total'), live };
};
