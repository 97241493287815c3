import { exampleConcept } from '../testing/measured-concept.fixture';
import { conceptRevised, ended, started } from '../testing/measured-events';
import { ProjectionSpecification } from '../testing/projection-specification';
import { entriesOf } from './bucketed-record';
import { daysOf } from './tally';
import { fcrProjection, type FirstContactResolution } from './fcr.projection';

const { given } = ProjectionSpecification.for(fcrProjection('Europe/Amsterdam'));
const oneDay = { ...exampleConcept, kpiTargets: { ...exampleConcept.kpiTargets, fcr: { min: 0.7, windowDays: 1 } } };
const oneDayWindow = conceptRevised('2026-01-01T00:00:00Z', oneDay);
const sevenDayWindow = conceptRevised('2026-01-01T00:00:00Z', exampleConcept);
/** Another customer's contact much later moves the clock, so everything before is settled. */
const muchLater = started('2026-12-01T00:00:00Z', { customer: 'someone-else', contact: 'later' });
const settled = (state: FirstContactResolution) => daysOf(state.days);
const pending = (state: FirstContactResolution) => Object.fromEntries(entriesOf(state.pending));
const both = (state: FirstContactResolution) => [pending(state), settled(state)];
const firstContact = [
  started('2026-02-02T09:00:00Z', { channel: 'phone', contact: 'first', topic: 'parking' }),
  ended('2026-02-02T09:10:00Z', { channel: 'phone', contact: 'first' }),
];

describe('first-contact resolution projection', () => {
  it('keeps a resolved contact pending while its window is open', () =>
    given([sevenDayWindow, ...firstContact]).thenQuery(
      (state) => [pending(state), settled(state)],
      [
        {
          'cust-1': [
            {
              contactId: 'first',
              channel: 'phone',
              resolved: true,
              topic: 'parking',
              endedAt: Date.parse('2026-02-02T09:10:00Z'),
              windowEndsAt: Date.parse('2026-02-09T09:10:00Z'),
            },
          ],
        },
        {},
      ],
    ));

  it('counts it first-contact resolved once the window has passed without a repeat', () =>
    given([sevenDayWindow, ...firstContact, muchLater]).thenQuery(settled, { '2026-02-02': { phone: { fcrResolved: 1 } } }));

  it('counts a repeat about the same topic on any channel within the window', () =>
    given([
      sevenDayWindow,
      ...firstContact,
      started('2026-02-05T12:00:00Z', { channel: 'counter', contact: 'again', topic: 'parking' }),
    ]).thenQuery(settled, { '2026-02-02': { phone: { fcrRepeated: 1 } } }));

  it('does not count a contact about another topic as a repeat', () =>
    given([sevenDayWindow, ...firstContact, started('2026-02-05T12:00:00Z', { contact: 'other', topic: 'passport' }), muchLater]).thenQuery(
      settled,
      { '2026-02-02': { phone: { fcrResolved: 1 } } },
    ));

  it('matches any topic when the new contact has none', () =>
    given([sevenDayWindow, ...firstContact, started('2026-02-05T12:00:00Z', { contact: 'again' })]).thenQuery(settled, {
      '2026-02-02': { phone: { fcrRepeated: 1 } },
    }));

  it('matches any topic when the first contact had none', () =>
    given([
      sevenDayWindow,
      ended('2026-02-02T09:10:00Z', { contact: 'first' }),
      started('2026-02-05T12:00:00Z', { contact: 'again', topic: 'passport' }),
    ]).thenQuery(settled, { '2026-02-02': { phone: { fcrRepeated: 1 } } }));

  it('does not let a repeat after the window spoil the first contact', () =>
    given([sevenDayWindow, ...firstContact, started('2026-02-09T09:11:00Z', { contact: 'again', topic: 'parking' })]).thenQuery(both, [
      {},
      { '2026-02-02': { phone: { fcrResolved: 1 } } },
    ]));

  it('leaves transferred contacts out', () =>
    given([sevenDayWindow, ended('2026-02-02T09:10:00Z', { outcome: 'transferred' }), muchLater]).thenQuery(both, [{}, {}]));

  it('counts unresolved and abandoned contacts as not resolved once their window passed', () =>
    given([
      sevenDayWindow,
      ended('2026-02-02T09:10:00Z', { contact: 'a', outcome: 'unresolved' }),
      ended('2026-02-02T09:20:00Z', { contact: 'b', outcome: 'abandoned' }),
      muchLater,
    ]).thenQuery(settled, { '2026-02-02': { phone: { fcrUnresolved: 2 } } }));

  it('counts the contact on the local day it ended', () =>
    given([sevenDayWindow, ended('2026-03-29T22:30:00Z'), muchLater]).thenQuery(settled, { '2026-03-30': { phone: { fcrResolved: 1 } } }));

  it('measures the window in local days across the spring DST change', () =>
    given([
      oneDayWindow,
      ended('2026-03-28T11:00:00Z', { contact: 'first' }),
      started('2026-03-29T10:30:00Z', { contact: 'again' }),
    ]).thenQuery(settled, { '2026-03-28': { phone: { fcrResolved: 1 } } }));

  it('takes the window of the revision in force when the contact ended', () =>
    given([sevenDayWindow, conceptRevised('2026-03-01T00:00:00Z', oneDay), ended('2026-03-02T10:00:00Z')]).thenQuery(
      (state) => pending(state)['cust-1'][0].windowEndsAt,
      Date.parse('2026-03-03T10:00:00Z'),
    ));

  it('forgets topics of contacts that never ended', () =>
    given([started('2026-02-02T09:00:00Z', { topic: 'parking' }), muchLater]).thenQuery((state) => entriesOf(state.topics), []));
});
