import { allMeasurementsProjection } from '../projections/measurement-projections';
import { exampleConcept, revisionOf } from '../testing/measured-concept.fixture';
import { conceptRevised, ended, started } from '../testing/measured-events';
import { ProjectionSpecification } from '../testing/projection-specification';
import { addDays } from '../time/calendar';
import { computeKpis } from './compute-kpis';
import type { KpiQuery, KpiReadModels } from './kpi-report';

const { given } = ProjectionSpecification.for(allMeasurementsProjection('Europe/Amsterdam'));
const concept = conceptRevised('2026-01-01T00:00:00Z', exampleConcept);
const revisions = [revisionOf(0, '2026-01-01T00:00:00Z')];
const week = (state: KpiReadModels, extra: Partial<KpiQuery> = {}) =>
  computeKpis({ readModels: state, conceptRevisions: revisions, from: '2026-02-02', to: '2026-02-08', ...extra }).periods[0].kpis;

describe('first-contact resolution KPI', () => {
  const contacts = [
    concept,
    started('2026-02-02T09:50:00Z', { contact: 'a', topic: 'parking' }),
    ended('2026-02-02T10:00:00Z', { contact: 'a' }),
    ended('2026-02-03T10:00:00Z', { contact: 'b', outcome: 'unresolved' }),
    ended('2026-02-03T11:00:00Z', { contact: 'c', channel: 'counter', outcome: 'transferred' }),
    started('2026-02-04T09:00:00Z', { customer: 'cust-2', contact: 'd', channel: 'counter', topic: 'passport' }),
    ended('2026-02-04T10:00:00Z', { customer: 'cust-2', contact: 'd', channel: 'counter' }),
    started('2026-02-05T10:00:00Z', { customer: 'cust-2', contact: 'e', channel: 'phone', topic: 'passport' }),
  ];

  it('reports contacts whose window is still open as pending', () =>
    given(contacts).thenQuery((state) => week(state).fcr, { value: 0, n: 1, target: 0.7, status: 'missed', pending: 2 }));

  it('counts them once their window has passed, transferred contacts left out', () =>
    given(contacts).thenQuery(
      (state) => {
        const kpis = week(state, { asOf: '2026-02-20T00:00:00Z' });
        return [kpis.fcr, kpis.byChannel.phone.fcr.value, kpis.byChannel.counter.fcr];
      },
      [
        { value: 0.3333, n: 3, target: 0.7, status: 'missed', pending: 0 },
        0.5,
        { value: 0, n: 1, target: 0.7, status: 'missed', pending: 0 },
      ],
    ));
});

describe('channel shift', () => {
  const perDay = (from: string, days: number, count: number, channel: string) =>
    Array.from({ length: days * count }, (_, i) =>
      started(`${addDays(from, Math.floor(i / count))}T10:${String(i % 60).padStart(2, '0')}:00Z`, {
        channel,
        contact: `${channel}-${from}-${i}`,
      }),
    );
  // Counter: 2 a day in the baseline week, 1 a day now; phone the other way round.
  const history = [
    ...perDay('2026-01-05', 7, 2, 'counter'),
    ...perDay('2026-02-02', 7, 1, 'counter'),
    ...perDay('2026-01-05', 7, 1, 'phone'),
    ...perDay('2026-02-02', 7, 2, 'phone'),
  ];

  it('compares contacts per day with the concept’s baseline, met at or below the target', () =>
    given(history).thenQuery(
      (state) => [week(state).byChannel.counter.shift, week(state).byChannel.phone.shift],
      [
        { value: -0.5, n: 14, target: -0.05, status: 'met' },
        { value: 1, n: 7, target: null, status: 'no-target' },
      ],
    ));

  it('takes the baseline of the query over the concept’s', () =>
    given(history).thenQuery((state) => week(state, { baseline: { from: '2026-01-05', to: '2026-01-18' } }).byChannel.counter.shift, {
      value: 0,
      n: 14,
      target: -0.05,
      status: 'missed',
    }));

  it('has no data without contacts in the baseline', () =>
    given(history).thenQuery((state) => week(state, { baseline: { from: '2026-01-12', to: '2026-01-18' } }).byChannel.counter.shift, {
      value: null,
      n: 0,
      target: -0.05,
      status: 'no-data',
    }));
});
