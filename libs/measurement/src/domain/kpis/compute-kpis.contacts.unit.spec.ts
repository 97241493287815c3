import type { AbandonedRule } from '../concept/measured-concept';
import { allMeasurementsProjection } from '../projections/measurement-projections';
import { exampleConcept, revisionOf } from '../testing/measured-concept.fixture';
import { caseAssigned, caseOpened, conceptRevised, ended, handoffRequested, started } from '../testing/measured-events';
import { ProjectionSpecification } from '../testing/projection-specification';
import { computeKpis } from './compute-kpis';
import type { Kpi } from './kpi';
import type { KpiQuery, KpiReadModels } from './kpi-report';

const { given } = ProjectionSpecification.for(allMeasurementsProjection('Europe/Amsterdam'));
const concept = conceptRevised('2026-01-01T00:00:00Z', exampleConcept);
const revisions = [revisionOf(0, '2026-01-01T00:00:00Z')];
const february = (state: KpiReadModels, extra: Partial<KpiQuery> = {}) =>
  computeKpis({ readModels: state, conceptRevisions: revisions, from: '2026-02-02', to: '2026-02-08', ...extra }).periods[0].kpis;
const at = (minute: number) => `2026-02-02T10:${String(minute).padStart(2, '0')}:00Z`;
const phone = (contact: string) => ({ channel: 'phone', contact });
const untargeted = (value: number, n: number): Kpi => ({ value, n, target: null, status: 'no-target' });

describe('contact KPIs', () => {
  it('takes AHT as the mean handling time, met at or below the target', () =>
    given([ended(at(1), { handlingSeconds: 200 }), ended(at(2), { handlingSeconds: 400 }), ended(at(3))]).thenQuery(
      (state) => february(state).byChannel.phone.aht,
      { value: 300, n: 2, target: 300, status: 'met' },
    ));

  describe('service level', () => {
    const waits = [
      concept,
      ended(at(1), { ...phone('a'), waitSeconds: 10 }),
      ended(at(2), { ...phone('b'), waitSeconds: 30 }),
      ended(at(3), { ...phone('c'), waitSeconds: 31 }),
      ended(at(4), { ...phone('d'), waitSeconds: 60, outcome: 'abandoned' }),
      ended(at(5), { ...phone('e'), waitSeconds: 3, outcome: 'abandoned' }),
    ];
    const withRule = (serviceLevelAbandoned: AbandonedRule) => [
      revisionOf(0, '2026-01-01T00:00:00Z', { ...exampleConcept, measurement: { serviceLevelAbandoned } }),
    ];

    it.each<[AbandonedRule, number, number]>([
      ['missed', 0.5, 4],
      ['excluded', 0.6667, 3],
      ['met', 0.75, 4],
    ])('counts abandons as %s, and never the short ones', (rule, value, n) =>
      given(waits).thenQuery((state) => february(state, { conceptRevisions: withRule(rule) }).byChannel.phone.serviceLevel, {
        value,
        n,
        target: 0.8,
        status: 'missed',
      }),
    );

    it('judges Regie’s own case queues the same way', () =>
      given([
        caseOpened(at(1), { caseId: 'a', dueAt: at(2) }),
        caseAssigned(at(2), 'a'),
        caseOpened(at(3), { caseId: 'b', dueAt: at(4) }),
        caseAssigned(at(5), 'b'),
      ]).thenQuery((state) => february(state).byChannel['live-chat'].caseServiceLevel, {
        value: 0.5,
        n: 2,
        target: 0.8,
        status: 'missed',
      }));
  });

  it('takes abandonment as abandoned over ended contacts, with no target', () =>
    given([ended(at(1), { outcome: 'abandoned' }), ended(at(2), { outcome: 'transferred' }), ended(at(3)), ended(at(4))]).thenQuery(
      (state) => february(state).byChannel.phone.abandonment,
      { value: 0.25, n: 4, target: null, status: 'no-target' },
    ));

  it('takes bot containment over ended bot contacts without case or handoff', () =>
    given([
      ended(at(1), { channel: 'chatbot', contact: 'a' }),
      handoffRequested(at(2), { channel: 'chatbot', contact: 'b' }),
      ended(at(3), { channel: 'chatbot', contact: 'b' }),
      caseOpened(at(4), { from: { channel: 'chatbot', contact: 'c' } }),
      ended(at(5), { channel: 'chatbot', contact: 'c' }),
      ended(at(6), { channel: 'web', contact: 'not-a-bot' }),
    ]).thenQuery((state) => february(state).botContainment, { value: 0.3333, n: 3, target: 0.6, status: 'missed' }));

  it('reports the channel mix per channel and per layer', () =>
    given([1, 2, 3].map((minute) => started(at(minute), { channel: 'web', contact: `web-${minute}` })).concat(started(at(4)))).thenQuery(
      (state) => [february(state).byChannel.web.contacts, february(state).byChannel.web.share, february(state).byLayer],
      [
        untargeted(3, 3),
        untargeted(0.75, 4),
        {
          'self-service': { contacts: untargeted(3, 3), share: untargeted(0.75, 4) },
          assisted: { contacts: untargeted(1, 1), share: untargeted(0.25, 4) },
          personal: { contacts: { value: 0, n: 0, target: null, status: 'no-data' }, share: untargeted(0, 4) },
        },
      ],
    ));

  it('narrows byChannel to the channel asked for', () =>
    given([started(at(1), { channel: 'web' })]).thenQuery(
      (state) => Object.keys(february(state, { channel: 'phone' }).byChannel),
      ['phone'],
    ));
});
