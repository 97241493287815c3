import { exampleConcept } from '../testing/measured-concept.fixture';
import { caseAbandoned, caseAssigned, caseOpened, conceptRevised } from '../testing/measured-events';
import { ProjectionSpecification } from '../testing/projection-specification';
import { entriesOf } from './bucketed-record';
import { caseQueueProjection, type CaseQueue } from './case-queue.projection';
import { countersOn, daysOf } from './tally';

const { given } = ProjectionSpecification.for(caseQueueProjection('Europe/Amsterdam'));
const opened = (caseId: string, at = '2026-02-02T10:00:00Z') =>
  caseOpened(at, { caseId, channel: 'live-chat', dueAt: '2026-02-02T10:01:00Z' });
const liveChat = (state: CaseQueue) => countersOn(state.days, '2026-02-02')['live-chat'];
const queued = (state: CaseQueue) => entriesOf(state.queued).map(([caseId]) => caseId);

describe('case queue projection', () => {
  it('judges the wait from opened to assigned against the due time', () =>
    given([opened('a'), caseAssigned('2026-02-02T10:01:00Z', 'a'), opened('b'), caseAssigned('2026-02-02T10:01:01Z', 'b')]).thenQuery(
      (state) => [queued(state), daysOf(state.days)],
      [[], { '2026-02-02': { 'live-chat': { caseMet: 1, caseMissed: 1 } } }],
    ));

  it('counts an abandoned case, and a short abandon apart', () =>
    given([
      conceptRevised('2026-01-01T00:00:00Z', { ...exampleConcept, measurement: { shortAbandonSeconds: 10 } }),
      opened('a'),
      caseAbandoned('2026-02-02T10:00:10Z', 'a'),
      opened('b'),
      caseAbandoned('2026-02-02T10:00:11Z', 'b'),
    ]).thenQuery(liveChat, { caseShortAbandoned: 1, caseAbandoned: 1 }));

  it('takes 5 seconds as a short abandon when the concept says nothing', () =>
    given([opened('a'), caseAbandoned('2026-02-02T10:00:05Z', 'a')]).thenQuery(liveChat, { caseShortAbandoned: 1 }));

  it('counts the wait on the local day it ended', () =>
    given([opened('a', '2026-03-29T21:59:00Z'), caseAssigned('2026-03-29T22:00:30Z', 'a')]).thenQuery(
      (state) => Object.keys(daysOf(state.days)),
      ['2026-03-30'],
    ));

  it('ignores cases of channels without a service level, and keeps queued ones', () =>
    given([
      caseOpened('2026-02-02T10:00:00Z', { caseId: 'no-level' }),
      caseAssigned('2026-02-02T10:05:00Z', 'no-level'),
      opened('waiting'),
    ]).thenQuery((state) => [state.days, queued(state)], [{}, ['waiting']]));
});
