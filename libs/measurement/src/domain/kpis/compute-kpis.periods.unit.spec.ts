import { allMeasurementsProjection } from '../projections/measurement-projections';
import { exampleConcept, revisionOf } from '../testing/measured-concept.fixture';
import { answered } from '../testing/measured-events';
import { ProjectionSpecification } from '../testing/projection-specification';
import type { Granularity } from '../time/periods';
import { computeKpis } from './compute-kpis';
import type { KpiReadModels } from './kpi-report';

const { given } = ProjectionSpecification.for(allMeasurementsProjection('Europe/Amsterdam'));
const stricter = { ...exampleConcept, kpiTargets: { ...exampleConcept.kpiTargets, nps: { min: 50 } } };
const promoter = (at: string) => answered(at, 'nps', { recommend: 10 }, { channel: 'web' });

/** Per period: its label, the revision judging it, the NPS target and how many responses it holds. */
const summary =
  (from: string, to: string, granularity: Granularity, revisions = [revisionOf(0, '2026-01-01T00:00:00Z')]) =>
  (state: KpiReadModels) =>
    computeKpis({ readModels: state, conceptRevisions: revisions, from, to, granularity }).periods.map((period) => [
      period.label,
      period.concept?.revision,
      period.kpis.nps.target,
      period.kpis.nps.n,
    ]);

describe('KPI periods', () => {
  it('judges each week against the revision recorded before its end', () =>
    given([promoter('2026-02-03T10:00:00Z'), promoter('2026-02-12T10:00:00Z')]).thenQuery(
      summary('2026-02-02', '2026-02-15', 'week', [revisionOf(0, '2026-01-01T00:00:00Z'), revisionOf(1, '2026-02-11T12:00:00Z', stricter)]),
      [
        ['2026-W06', 0, 0, 1],
        ['2026-W07', 1, 50, 1],
      ],
    ));

  it('judges a period older than the first revision by the first', () =>
    given([promoter('2025-11-03T10:00:00Z')]).thenQuery(
      summary('2025-11-01', '2025-11-30', 'month', [
        revisionOf(0, '2026-03-01T00:00:00Z', stricter),
        revisionOf(1, '2026-04-01T00:00:00Z'),
      ]),
      [['2025-11', 0, 50, 1]],
    ));

  it('reports no concept when none was ever recorded', () =>
    given([promoter('2026-02-03T10:00:00Z')]).thenQuery(summary('2026-02-01', '2026-02-28', 'total', []), [
      ['2026-02-01/2026-02-28', undefined, null, 1],
    ]));

  it('cuts days at local midnight around the autumn DST change, revisions included', () =>
    given([promoter('2026-10-25T22:30:00Z'), promoter('2026-10-25T22:59:00Z'), promoter('2026-10-25T23:00:00Z')]).thenQuery(
      summary('2026-10-25', '2026-10-26', 'day', [revisionOf(0, '2026-01-01T00:00:00Z'), revisionOf(1, '2026-10-25T23:30:00Z', stricter)]),
      [
        ['2026-10-25', 0, 0, 2],
        ['2026-10-26', 1, 50, 1],
      ],
    ));

  it('cuts days at local midnight around the spring DST change, revisions included', () =>
    given([promoter('2026-03-28T22:59:00Z'), promoter('2026-03-29T21:59:00Z'), promoter('2026-03-29T22:00:00Z')]).thenQuery(
      summary('2026-03-28', '2026-03-30', 'day', [revisionOf(0, '2026-01-01T00:00:00Z'), revisionOf(1, '2026-03-29T21:30:00Z', stricter)]),
      [
        ['2026-03-28', 0, 0, 1],
        ['2026-03-29', 1, 50, 1],
        ['2026-03-30', 1, 50, 1],
      ],
    ));

  it('runs ISO week 53 across the new year', () =>
    given([promoter('2026-12-31T12:00:00Z'), promoter('2027-01-03T22:59:00Z'), promoter('2027-01-03T23:00:00Z')]).thenQuery(
      summary('2026-12-28', '2027-01-10', 'week'),
      [
        ['2026-W53', 0, 0, 2],
        ['2027-W01', 0, 0, 1],
      ],
    ));

  it('makes one period of the whole range by default', () =>
    given([promoter('2026-02-03T10:00:00Z')]).thenQuery(
      (state) => {
        const { periods, ...report } = computeKpis({ readModels: state, conceptRevisions: [], from: '2026-02-01', to: '2026-02-28' });
        return [report, periods.map((period) => [period.start, period.end])];
      },
      [{ from: '2026-02-01', to: '2026-02-28', granularity: 'total', timeZone: 'Europe/Amsterdam' }, [['2026-02-01', '2026-02-28']]],
    ));
});
