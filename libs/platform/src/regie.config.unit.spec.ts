import { loadRegieConfig } from './regie.config';

describe('the journeys kept folded (REGIE_JOURNEY_CACHE)', () => {
  it('are left to the journey module unless set, and read as a number when set', () => {
    expect(loadRegieConfig({}).REGIE_JOURNEY_CACHE).toBeUndefined();
    expect(loadRegieConfig({ REGIE_JOURNEY_CACHE: '200000' }).REGIE_JOURNEY_CACHE).toBe(200_000);
  });

  it.each(['50', '2.5', 'many'])('refuse %s, naming the setting', (value) => {
    expect(() => loadRegieConfig({ REGIE_JOURNEY_CACHE: value })).toThrow(/REGIE_JOURNEY_CACHE/);
  });
});
