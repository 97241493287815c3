import { exampleConcept } from '../testing/measured-concept.fixture';
import { conceptRevised, ended, started } from '../testing/measured-events';
import { ProjectionSpecification } from '../testing/projection-specification';
import { countersOn, daysOf } from './tally';
import { contactActivityProjection } from './contact-activity.projection';

const { given } = ProjectionSpecification.for(contactActivityProjection('Europe/Amsterdam'));
const concept = conceptRevised('2026-01-01T00:00:00Z', exampleConcept);
const stricter = conceptRevised('2026-06-01T00:00:00Z', {
  ...exampleConcept,
  serviceLevels: { phone: { targetWaitSeconds: 20, targetShare: 0.9 } },
  measurement: { shortAbandonSeconds: 10 },
});

describe('contact activity projection', () => {
  it('counts started contacts and outcomes per local day and channel', () =>
    given([
      started('2026-03-28T22:59:00Z', { channel: 'web' }),
      started('2026-03-28T23:01:00Z', { channel: 'web' }),
      ended('2026-03-29T21:30:00Z', { channel: 'phone', outcome: 'transferred' }),
      ended('2026-03-29T22:30:00Z', { channel: 'phone', outcome: 'abandoned' }),
    ]).thenQuery((state) => daysOf(state.days), {
      '2026-03-28': { web: { started: 1 } },
      '2026-03-29': { web: { started: 1 }, phone: { transferred: 1 } },
      '2026-03-30': { phone: { abandoned: 1 } },
    }));

  it('sums handling seconds of the contacts that carry them', () =>
    given([
      ended('2026-02-02T09:00:00Z', { handlingSeconds: 200 }),
      ended('2026-02-02T10:00:00Z', { handlingSeconds: 400 }),
      ended('2026-02-02T11:00:00Z'),
    ]).thenQuery((state) => countersOn(state.days, '2026-02-02').phone, { resolved: 3, handled: 2, handlingSeconds: 600 }));

  it('judges each wait against the target wait of its channel, a short abandon apart', () =>
    given([
      concept,
      ended('2026-02-02T09:00:00Z', { waitSeconds: 30 }),
      ended('2026-02-02T09:01:00Z', { waitSeconds: 31 }),
      ended('2026-02-02T09:02:00Z', { waitSeconds: 5, outcome: 'abandoned' }),
      ended('2026-02-02T09:03:00Z', { waitSeconds: 6, outcome: 'abandoned' }),
      ended('2026-02-02T09:04:00Z', { waitSeconds: 90, channel: 'web' }),
    ]).thenQuery((state) => countersOn(state.days, '2026-02-02'), {
      phone: { resolved: 2, abandoned: 2, waitMet: 1, waitMissed: 1, waitShortAbandoned: 1, waitAbandoned: 1 },
      web: { resolved: 1 },
    }));

  it('judges a wait by the revision in force when the contact ended', () =>
    given([
      concept,
      stricter,
      ended('2026-05-31T12:00:00Z', { waitSeconds: 25 }),
      ended('2026-06-01T12:00:00Z', { waitSeconds: 25 }),
      ended('2026-06-01T12:01:00Z', { waitSeconds: 8, outcome: 'abandoned' }),
    ]).thenQuery(
      (state) => [countersOn(state.days, '2026-05-31').phone, countersOn(state.days, '2026-06-01').phone],
      [
        { resolved: 1, waitMet: 1 },
        { resolved: 1, abandoned: 1, waitMissed: 1, waitShortAbandoned: 1 },
      ],
    ));

  it('judges contacts older than the first revision by the first', () =>
    given([concept, ended('2025-12-01T12:00:00Z', { waitSeconds: 25 })]).thenQuery(
      (state) => countersOn(state.days, '2025-12-01').phone.waitMet,
      1,
    ));

  it('leaves waits unjudged while no concept is known', () =>
    given([ended('2026-02-02T09:00:00Z', { waitSeconds: 30 })]).thenQuery((state) => countersOn(state.days, '2026-02-02').phone, {
      resolved: 1,
    }));

  it('names itself after its time zone', () => expect(contactActivityProjection('Europe/Lisbon').name).toBe('kpi-contacts@Europe/Lisbon'));
});
