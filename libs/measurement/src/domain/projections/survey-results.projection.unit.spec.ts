import { exampleConcept } from '../testing/measured-concept.fixture';
import { answered, conceptRevised } from '../testing/measured-events';
import { ProjectionSpecification } from '../testing/projection-specification';
import { countersOn, daysOf } from './tally';
import { surveyResultsProjection, type SurveyResults } from './survey-results.projection';

const { given } = ProjectionSpecification.for(surveyResultsProjection('Europe/Amsterdam'));
const concept = conceptRevised('2026-01-01T00:00:00Z', exampleConcept);
const video = { channel: 'video' };
const on = (day: string, channel: string) => (state: SurveyResults) => countersOn(state.days, day)[channel];

describe('survey results projection', () => {
  it('scores a CSAT response as the mean of its answers and keeps each question', () =>
    given([
      answered('2026-02-02T10:00:00Z', 'csat', { conversation: 8, channel: 6 }, video),
      answered('2026-02-02T11:00:00Z', 'csat', { conversation: 10 }, video),
    ]).thenQuery(on('2026-02-02', 'video'), {
      'csat.responses': 2,
      'csat.score': 17,
      'csat.q.conversation.n': 2,
      'csat.q.conversation.sum': 18,
      'csat.q.channel.n': 1,
      'csat.q.channel.sum': 6,
    }));

  it('counts NPS promoters from 9 and detractors up to 6', () =>
    given(
      [0, 6, 7, 8, 9, 10].map((score, i) => answered(`2026-02-02T1${i}:00:00Z`, 'nps', { recommend: score }, { channel: 'web' })),
    ).thenQuery(on('2026-02-02', 'web'), {
      'nps.responses': 6,
      'nps.promoters': 2,
      'nps.detractors': 2,
      'nps.q.recommend.n': 6,
      'nps.q.recommend.sum': 40,
    }));

  it('scores a CSI response with the weights of the concept, 0–100', () =>
    given([concept, answered('2026-02-02T10:00:00Z', 'csi', { reachability: 10, expertise: 5.5 }, video)]).thenQuery(
      (state) => Math.round(countersOn(state.days, '2026-02-02').video['csi.score'] * 1e9) / 1e9,
      30 + 35,
    ));

  it('scores a CSI response that skipped a dimension over the weights it answered', () =>
    given([concept, answered('2026-02-02T10:00:00Z', 'csi', { expertise: 10 }, video)]).thenQuery(
      (state) => countersOn(state.days, '2026-02-02').video['csi.score'],
      100,
    ));

  it('keeps the answers but no CSI score while no concept gives weights', () =>
    given([answered('2026-02-02T10:00:00Z', 'csi', { expertise: 10 }, video)]).thenQuery(on('2026-02-02', 'video'), {
      'csi.q.expertise.n': 1,
      'csi.q.expertise.sum': 10,
    }));

  it('counts a response on the local day it was given', () =>
    given([answered('2026-10-25T22:30:00Z', 'nps', { recommend: 9 }), answered('2026-10-25T23:30:00Z', 'nps', { recommend: 9 })]).thenQuery(
      (state) => Object.keys(daysOf(state.days)),
      ['2026-10-25', '2026-10-26'],
    ));

  it('ignores a response without answers', () => given([answered('2026-02-02T10:00:00Z', 'csat', {}, video)]).thenMatches({ days: {} }));
});
