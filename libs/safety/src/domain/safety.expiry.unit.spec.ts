import { fold } from '@regie/eventsourcing';
import type { SafetyEvent } from './safety.events';
import { safetyDecider } from './safety.decider';
import { given, later, endsAt, day, reported, dismissed, warned, registered, lifted, expire, expired, erase } from './safety.test-fixtures';

describe('safety decider', () => {
  describe('expiring exclusions', () => {
    const two: SafetyEvent[] = [
      reported('rep-1'),
      reported('rep-2'),
      registered(),
      registered({ exclusionId: 'excl-2', reportIds: ['rep-2'], channels: ['live-chat'], alternatives: ['phone'], endsAt: day(60) }),
    ];
    it('expires every exclusion in force whose end has come', () =>
      given(two)
        .when(expire(endsAt))
        .then([expired('excl-1', endsAt)]));
    it('expires them all when all ends have passed', () =>
      given(two)
        .when(expire(day(90)))
        .then([expired('excl-1', day(90)), expired('excl-2', day(90))]));
    it('does nothing before the end', () =>
      given(two)
        .when(expire(day(30)))
        .thenNothingHappens());
    it('does not expire twice', () =>
      given([...two, expired('excl-1', endsAt)])
        .when(expire(day(40)))
        .thenNothingHappens());
    it('does not expire a lifted exclusion', () =>
      given([...two, lifted()])
        .when(expire(day(40)))
        .thenNothingHappens());
  });

  describe('erasing expired records', () => {
    const ended: SafetyEvent[] = [reported(), registered(), expired('excl-1', day(40))];
    it('erases once the retention after the end of the exclusion has passed (not after the expiry was recorded)', () =>
      given(ended)
        .when(erase(day(730, endsAt)))
        .then([{ type: 'SafetyRecordsErased', data: { erasedBefore: day(730, endsAt), actor: 'system', at: day(730, endsAt) } }]));
    it('keeps the records during the retention', () =>
      given(ended)
        .when(erase(day(729, endsAt)))
        .thenNothingHappens());
    it('counts from the lift of a lifted exclusion', () => {
      given([reported(), registered(), lifted()])
        .when(erase(day(730, later)))
        .then([expect.objectContaining({ type: 'SafetyRecordsErased' })]);
      given([reported(), registered(), lifted()])
        .when(erase(day(729, later)))
        .thenNothingHappens();
    });
    it('counts from the latest end of several', () =>
      given([
        ...ended,
        reported('rep-2'),
        registered({ exclusionId: 'excl-2', reportIds: ['rep-2'], endsAt: day(90) }),
        lifted('excl-2', day(100)),
      ])
        .when(erase(day(730, endsAt)))
        .thenNothingHappens());
    it('keeps everything while an exclusion is in force, even past its end', () =>
      given([reported(), registered()])
        .when(erase(day(1000)))
        .thenNothingHappens());
    it('keeps everything while a report is open', () =>
      given([...ended, reported('rep-2')])
        .when(erase(day(1000)))
        .thenNothingHappens());
    it('erases decided reports without exclusions after the retention from the decision', () => {
      given([reported(), dismissed()])
        .when(erase(day(30, later), 30))
        .then([expect.objectContaining({ type: 'SafetyRecordsErased' })]);
      given([reported(), warned()])
        .when(erase(day(29, later), 30))
        .thenNothingHappens();
    });
    it('has nothing to erase on an empty record', () =>
      given([])
        .when(erase(day(1000)))
        .thenNothingHappens());
    it('leaves the state as new and erases once', () => {
      const erasedEvents = safetyDecider.decide(erase(day(730, endsAt)), fold(safetyDecider, ended));
      const after = fold(safetyDecider, [...ended, ...erasedEvents]);
      expect(after).toEqual(safetyDecider.initialState());
      given([...ended, ...erasedEvents])
        .when(erase(day(731, endsAt)))
        .thenNothingHappens();
    });
  });

  describe('erasing on request', () => {
    const onRequest = (at: string) => ({ type: 'EraseOnRequest' as const, data: { now: at, actor: 'supervisor-s' } });
    const erasedBy = (at: string): SafetyEvent => ({ type: 'SafetyRecordsErased', data: { erasedBefore: at, actor: 'supervisor-s', at } });
    it('erases at once, while an exclusion is in force and a report is open, naming who asked', () =>
      given([reported(), registered(), reported('rep-2')])
        .when(onRequest(later))
        .then([erasedBy(later)]));
    it('has nothing to erase on an empty or erased record', () => {
      given([]).when(onRequest(later)).thenNothingHappens();
      given([reported(), erasedBy(later)])
        .when(onRequest(day(1, later)))
        .thenNothingHappens();
    });
    it('refuses a time that is not one', () => given([reported()]).when(onRequest('soon')).thenRefuses('invalid-time'));
  });
});
