import { fold } from '@regie/eventsourcing';
import { safetyDecider } from './safety.decider';
import { eligibility, exclusionInForce } from './safety.queries';
import { later, endsAt, day, reported, registered, lifted, expired } from './safety.test-fixtures';

describe('safety queries', () => {
  const state = fold(safetyDecider, [reported(), registered()]);

  it('finds the exclusion in force on its channel', () => {
    expect(exclusionInForce(state, 'video', later)).toMatchObject({ exclusionId: 'excl-1' });
    expect(exclusionInForce(state, 'phone', later)).toBeUndefined();
  });

  it('no longer applies once the end has passed, before ExclusionExpired is recorded', () => {
    expect(exclusionInForce(state, 'video', day(-1, endsAt))).toBeDefined();
    expect(exclusionInForce(state, 'video', endsAt)).toBeUndefined();
    expect(eligibility(state, 'video', endsAt)).toEqual({ allowed: true });
  });

  it('no longer applies once lifted or expired', () => {
    expect(exclusionInForce(fold(safetyDecider, [reported(), registered(), lifted()]), 'video', later)).toBeUndefined();
    expect(exclusionInForce(fold(safetyDecider, [reported(), registered(), expired('excl-1', endsAt)]), 'video', later)).toBeUndefined();
  });

  it('tells an excluded customer why, until when and where to go instead', () => {
    expect(eligibility(state, 'video', later)).toEqual({
      allowed: false,
      reason: 'threatened an agent during a video call',
      alternatives: ['phone', 'counter'],
      exclusionId: 'excl-1',
      endsAt,
    });
    expect(eligibility(state, 'phone', later)).toEqual({ allowed: true });
    expect(eligibility(safetyDecider.initialState(), 'video', later)).toEqual({ allowed: true });
  });

  it('picks the longest of overlapping exclusions and offers no channel another one excludes', () => {
    const overlapping = fold(safetyDecider, [
      reported('rep-1'),
      reported('rep-2'),
      registered(),
      registered({ exclusionId: 'excl-2', reportIds: ['rep-2'], channels: ['video', 'phone'], alternatives: ['counter'], endsAt: day(60) }),
    ]);
    expect(eligibility(overlapping, 'video', later)).toMatchObject({ allowed: false, exclusionId: 'excl-2', alternatives: ['counter'] });
    expect(eligibility(overlapping, 'video', day(45))).toMatchObject({ allowed: false, exclusionId: 'excl-2' });
    const afterFirstEnds = eligibility(overlapping, 'phone', day(45));
    expect(afterFirstEnds).toMatchObject({ allowed: false, exclusionId: 'excl-2', alternatives: ['counter'] });
    // While excl-2 holds, excl-1's alternative 'phone' is not offered.
    const both = fold(safetyDecider, [
      reported('rep-1'),
      reported('rep-2'),
      registered({ endsAt: day(90) }),
      registered({ exclusionId: 'excl-2', reportIds: ['rep-2'], channels: ['phone'], alternatives: ['counter'], endsAt: day(60) }),
    ]);
    expect(eligibility(both, 'video', later)).toMatchObject({ allowed: false, exclusionId: 'excl-1', alternatives: ['counter'] });
  });
});
