import { allMeasurementsProjection } from '../projections/measurement-projections';
import { exampleConcept, revisionOf } from '../testing/measured-concept.fixture';
import { answered, ended, started } from '../testing/measured-events';
import type { ProjectedEvent } from '../projections/projection';
import { computeKpis, newKpiMemory } from './compute-kpis';
import { KeptReports } from './kept-reports';
import type { KpiReadModels } from './kpi-report';

const projection = allMeasurementsProjection('Europe/Amsterdam');
const fold = (events: readonly ProjectedEvent[], from: KpiReadModels = projection.initialState()) => events.reduce(projection.evolve, from);
const promoter = (at: string) => answered(at, 'nps', { recommend: 10 }, { channel: 'phone' });
const stricter = { ...exampleConcept, kpiTargets: { ...exampleConcept.kpiTargets, nps: { min: 50 } } };
const week = { from: '2026-02-02', to: '2026-02-08', granularity: 'day' } as const;

describe('KPI reports kept between queries', () => {
  const revisions = [revisionOf(0, '2026-01-01T00:00:00Z')];
  const before = fold([promoter('2026-02-03T10:00:00Z'), promoter('2026-02-05T10:00:00Z')]);

  it('answers as a fresh computation does, and reuses each period whose days have not changed', () => {
    const kept = newKpiMemory();
    const first = computeKpis({ readModels: before, conceptRevisions: revisions, ...week }, kept);
    expect(first).toEqual(computeKpis({ readModels: before, conceptRevisions: revisions, ...week }));

    const after = fold([promoter('2026-02-05T12:00:00Z')], before);
    const second = computeKpis({ readModels: after, conceptRevisions: revisions, ...week }, kept);
    expect(second).toEqual(computeKpis({ readModels: after, conceptRevisions: revisions, ...week }));
    expect(second.periods.map((period) => period.kpis.nps.n)).toEqual([0, 1, 0, 2, 0, 0, 0]);
    const reused = second.periods.map((period, index) => period === first.periods[index]);
    expect(reused).toEqual([true, true, true, false, true, true, true]);
  });

  it('computes a period again under another concept revision, another baseline or for another channel', () => {
    const kept = newKpiMemory();
    const first = computeKpis({ readModels: before, conceptRevisions: revisions, ...week }, kept);
    const revised = [...revisions, revisionOf(1, '2026-02-04T12:00:00Z', stricter)];
    const second = computeKpis({ readModels: before, conceptRevisions: revised, ...week }, kept);
    expect(second.periods.map((period) => period.kpis.nps.target)).toEqual([0, 0, 50, 50, 50, 50, 50]);
    expect(second.periods.map((period, index) => period === first.periods[index])).toEqual([true, true, false, false, false, false, false]);
    const baseline = computeKpis(
      { readModels: before, conceptRevisions: revisions, ...week, baseline: { from: '2026-02-03', to: '2026-02-03' } },
      kept,
    );
    expect(baseline).toEqual(
      computeKpis({ readModels: before, conceptRevisions: revisions, ...week, baseline: { from: '2026-02-03', to: '2026-02-03' } }),
    );
    expect(baseline.periods[0]).not.toBe(first.periods[0]);
    const phone = computeKpis({ readModels: before, conceptRevisions: revisions, ...week, channel: 'phone' }, kept);
    expect(Object.keys(phone.periods[0]!.kpis.byChannel)).toEqual(['phone']);
  });

  it('always computes a period that holds contacts still inside their FCR window: it depends on when it is asked', () => {
    const kept = newKpiMemory();
    const open = fold([started('2026-02-04T09:00:00Z'), ended('2026-02-04T09:10:00Z', { outcome: 'resolved' })]);
    const asOf = (at: string) =>
      computeKpis({ readModels: open, conceptRevisions: revisions, ...week, asOf: at }, kept).periods[2]!.kpis.fcr;
    expect(asOf('2026-02-04T10:00:00Z')).toMatchObject({ pending: 1, n: 0 });
    expect(asOf('2026-03-30T10:00:00Z')).toMatchObject({ pending: 0, n: 1 });
  });
});

describe('kept reports', () => {
  it('keeps one report per key while its inputs are the same objects, and lets the oldest go past its limit', () => {
    const kept = new KeptReports<string>(2);
    const inputs = [{}, 'x'];
    let computed = 0;
    const reuse = (key: string, given: readonly unknown[]) => kept.reuse(key, given, () => `${key}#${(computed += 1)}`);
    expect(reuse('a', inputs)).toBe('a#1');
    expect(reuse('a', [...inputs])).toBe('a#1');
    expect(reuse('a', [{}, 'x'])).toBe('a#2');
    expect(reuse('b', inputs)).toBe('b#3');
    expect(reuse('c', inputs)).toBe('c#4');
    expect(kept.size).toBe(2);
    expect(reuse('c', inputs)).toBe('c#4');
    expect(reuse('a', inputs)).toBe('a#5');
  });
});
