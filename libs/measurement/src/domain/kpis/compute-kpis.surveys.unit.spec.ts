import { allMeasurementsProjection } from '../projections/measurement-projections';
import { exampleConcept, revisionOf } from '../testing/measured-concept.fixture';
import { answered, conceptRevised } from '../testing/measured-events';
import { ProjectionSpecification } from '../testing/projection-specification';
import { computeKpis } from './compute-kpis';
import type { KpiReadModels } from './kpi-report';

const { given } = ProjectionSpecification.for(allMeasurementsProjection('Europe/Amsterdam'));
const revisions = [revisionOf(0, '2026-01-01T00:00:00Z')];
const concept = conceptRevised('2026-01-01T00:00:00Z', exampleConcept);
const kpis = (state: KpiReadModels) =>
  computeKpis({ readModels: state, conceptRevisions: revisions, from: '2026-02-01', to: '2026-02-28' }).periods[0].kpis;
const at = (hour: number) => `2026-02-02T${String(hour).padStart(2, '0')}:00:00Z`;
const video = { channel: 'video' };

describe('survey KPIs', () => {
  const csatAnswers = [
    answered(at(9), 'csat', { conversation: 8, channel: 6 }, video),
    answered(at(10), 'csat', { conversation: 10 }, video),
  ];

  it('takes CSAT as the mean of response means, with each question beside it', () =>
    given(csatAnswers).thenQuery((state) => kpis(state).csat, {
      value: 8.5,
      n: 2,
      target: 7,
      status: 'met',
      byQuestion: {
        conversation: { value: 9, n: 2, target: 7, status: 'met' },
        channel: { value: 6, n: 1, target: 7, status: 'missed' },
      },
    }));

  it('reports CSAT per channel too', () =>
    given([...csatAnswers, answered(at(11), 'csat', { conversation: 4 }, { channel: 'phone' })]).thenQuery(
      (state) => [kpis(state).csat.value, kpis(state).byChannel.video.csat.value, kpis(state).byChannel.phone.csat.status],
      [7, 8.5, 'missed'],
    ));

  it('takes NPS as 100 × (promoters 9–10 − detractors 0–6) / responses', () =>
    given([10, 9, 8, 6, 3, 7].map((score, hour) => answered(at(hour), 'nps', { recommend: score }, { channel: 'web' }))).thenQuery(
      (state) => kpis(state).nps,
      { value: 0, n: 6, target: 0, status: 'met' },
    ));

  it('reports a negative NPS below its target as missed, rounded to 4 decimals', () =>
    given([10, 5, 5].map((score, hour) => answered(at(hour), 'nps', { recommend: score }, { channel: 'web' }))).thenQuery(
      (state) => kpis(state).byChannel.web.nps,
      { value: -33.3333, n: 3, target: 0, status: 'missed' },
    ));

  it('takes CSI as the mean of weighted response scores, 0–100', () =>
    given([
      concept,
      answered(at(9), 'csi', { reachability: 10, expertise: 5.5 }, video),
      answered(at(10), 'csi', { reachability: 10, expertise: 10 }, video),
    ]).thenQuery(
      (state) => [kpis(state).csi, kpis(state).byChannel.video.csi.value],
      [{ value: 82.5, n: 2, target: 70, status: 'met' }, 82.5],
    ));

  it('says no-data when nobody answered', () =>
    given([]).thenQuery(
      (state) => [kpis(state).nps, kpis(state).csat.byQuestion.conversation],
      [
        { value: null, n: 0, target: 0, status: 'no-data' },
        { value: null, n: 0, target: 7, status: 'no-data' },
      ],
    ));
});
