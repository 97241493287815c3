import { surveyResultsProjection } from '../projections/survey-results.projection';
import { exampleConcept, revisionOf } from '../testing/measured-concept.fixture';
import { answered } from '../testing/measured-events';
import { ProjectionSpecification } from '../testing/projection-specification';
import { computeGapAnalysis, type GapAnalysis } from './gap-analysis';

const { given } = ProjectionSpecification.for(surveyResultsProjection('Europe/Amsterdam'));
const revisions = [revisionOf(0, '2026-01-01T00:00:00Z')];
const at = (hour: number) => `2026-02-02T${String(hour).padStart(2, '0')}:00:00Z`;
const item = (analysis: GapAnalysis, channel: string, need: string) =>
  analysis.items.find((candidate) => candidate.channel === channel && candidate.need === need);
const analyse = (state: Parameters<typeof computeGapAnalysis>[0]['readModels']['surveys'], conceptRevisions = revisions) =>
  computeGapAnalysis({ readModels: { surveys: state }, conceptRevisions, from: '2026-02-01', to: '2026-02-28' });

describe('gap analysis', () => {
  // conversation (1–10) measures personal-contact, channel (1–10) measures own-pace; video declares both, counter only the first.
  const answers = [
    answered(at(9), 'csat', { conversation: 10, channel: 1 }, { channel: 'video' }),
    answered(at(10), 'csat', { conversation: 7, channel: 4 }, { channel: 'video' }),
    answered(at(11), 'csat', { conversation: 10, channel: 10 }, { channel: 'counter' }),
  ];

  it('scales the answers of each need to 0–100 and judges them against the declared fit', () =>
    given(answers).thenQuery(
      (state) => {
        const analysis = analyse(state);
        return [item(analysis, 'video', 'personal-contact'), item(analysis, 'video', 'own-pace'), item(analysis, 'counter', 'own-pace')];
      },
      [
        { channel: 'video', need: 'personal-contact', declared: true, measured: { value: 83.3333, n: 2 }, verdict: 'confirmed' },
        { channel: 'video', need: 'own-pace', declared: true, measured: { value: 16.6667, n: 2 }, verdict: 'gap' },
        { channel: 'counter', need: 'own-pace', declared: false, measured: { value: 100, n: 1 }, verdict: 'opportunity' },
      ],
    ));

  it('confirms a need neither declared nor met, and leaves what nobody answered unmeasured', () =>
    given([answered(at(9), 'csat', { conversation: 2, channel: 3 }, { channel: 'web' })]).thenQuery(
      (state) => {
        const analysis = analyse(state);
        return [
          item(analysis, 'web', 'personal-contact'),
          item(analysis, 'web', 'own-pace')?.verdict,
          item(analysis, 'counter', 'own-pace'),
        ];
      },
      [
        { channel: 'web', need: 'personal-contact', declared: false, measured: { value: 11.1111, n: 1 }, verdict: 'confirmed' },
        'gap',
        { channel: 'counter', need: 'own-pace', declared: false, measured: { value: null, n: 0 }, verdict: 'unmeasured' },
      ],
    ));

  it('has one item per channel × need, with the threshold of the concept', () =>
    given([]).thenQuery(
      (state) => {
        const analysis = analyse(state, [revisionOf(0, '2026-01-01T00:00:00Z', { ...exampleConcept, measurement: { gapThreshold: 80 } })]);
        return [analysis.items.length, analysis.gapThreshold, analysis.concept];
      },
      [exampleConcept.channels.length * exampleConcept.needs.length, 80, { name: 'gemeente-voorbeeld', revision: 0 }],
    ));
});
