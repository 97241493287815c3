import { endOfDay, exclusionDateBounds } from './exclusion-dates';

describe('the end dates an exclusion form offers', () => {
  const now = new Date(2026, 2, 1, 14, 30).getTime();

  it('runs from tomorrow to the last day whose end is still within the maximum, suggesting three months', () => {
    expect(exclusionDateBounds(365, now)).toEqual({ min: '2026-03-02', max: '2027-02-28', suggested: '2026-05-30' });
  });

  it('suggests the maximum when the concept allows less than three months', () => {
    expect(exclusionDateBounds(30, now)).toMatchObject({ max: '2026-03-30', suggested: '2026-03-30' });
  });

  it('ends an exclusion at the end of the chosen day, which stays within the maximum', () => {
    const { max } = exclusionDateBounds(365, now);
    expect(Date.parse(endOfDay(max))).toBeLessThanOrEqual(now + 365 * 86_400_000);
    expect(new Date(endOfDay('2026-06-01')).getHours()).toBe(23);
  });
});
