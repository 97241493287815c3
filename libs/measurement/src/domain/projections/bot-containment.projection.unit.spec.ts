import { caseOpened, ended, handoffRequested, started } from '../testing/measured-events';
import { ProjectionSpecification } from '../testing/projection-specification';
import { entriesOf } from './bucketed-record';
import { countersOn } from './tally';
import { botContainmentProjection, type BotContainment } from './bot-containment.projection';

const { given } = ProjectionSpecification.for(botContainmentProjection('Europe/Amsterdam'));
const bot = (contact: string) => ({ channel: 'chatbot', contact });
const day = (state: BotContainment) => countersOn(state.days, '2026-02-02');

describe('bot containment projection', () => {
  it('counts an ended contact without handoff or case as contained', () =>
    given([started('2026-02-02T09:00:00Z', bot('a')), ended('2026-02-02T09:05:00Z', bot('a'))]).thenQuery(day, {
      chatbot: { ended: 1, contained: 1 },
    }));

  it('does not count a contact whose customer asked for a person', () =>
    given([handoffRequested('2026-02-02T09:01:00Z', bot('a')), ended('2026-02-02T09:05:00Z', bot('a'))]).thenQuery(day, {
      chatbot: { ended: 1 },
    }));

  it('does not count a contact a case was opened from, even when the case is recorded after the end', () =>
    given([
      ended('2026-02-02T09:05:00Z', bot('a')),
      caseOpened('2026-02-02T09:05:02Z', { from: bot('a') }),
      caseOpened('2026-02-02T09:06:00Z', { caseId: 'case-2', from: bot('b') }),
      ended('2026-02-02T09:07:00Z', bot('b')),
      ended('2026-02-02T09:08:00Z', bot('c')),
    ]).thenQuery(day, { chatbot: { ended: 3, contained: 1 } }));

  it('forgets contained contacts a day after their end, and escalations never ended after 30 days', () =>
    given([
      handoffRequested('2026-02-01T08:00:00Z', bot('never-ended')),
      ended('2026-02-02T09:00:00Z', bot('a')),
      ended('2026-02-03T10:00:00Z', bot('b')),
      started('2026-03-05T10:00:00Z', bot('c')),
    ]).thenQuery((state) => [entriesOf(state.escalated), entriesOf(state.recent)], [[], []]));

  it('keeps what can still change', () =>
    given([
      handoffRequested('2026-02-01T08:00:00Z', bot('open')),
      ended('2026-02-02T09:00:00Z', bot('a')),
      started('2026-02-02T12:00:00Z', bot('b')),
    ]).thenQuery(
      (state) => [entriesOf(state.escalated), entriesOf(state.recent)],
      [
        [['cust-1/open', Date.parse('2026-02-01T08:00:00Z')]],
        [['cust-1/a', { day: '2026-02-02', channel: 'chatbot', endedAt: Date.parse('2026-02-02T09:00:00Z') }]],
      ],
    ));
});
