import { StateCache } from './state-cache';

describe('StateCache', () => {
  it('answers a state at exactly the revision it keeps, and nothing for another revision', () => {
    const cache = new StateCache<string>();
    cache.set('journey-c1', 3, 'after 3');
    expect(cache.at('journey-c1', 3)).toBe('after 3');
    expect(cache.at('journey-c1', 2)).toBeUndefined();
    expect(cache.at('journey-c1', 4)).toBeUndefined();
    expect(cache.at('journey-c2', 3)).toBeUndefined();
  });

  it('lets the stream used least recently go first (a get or a set is a use, `at` is none)', () => {
    const cache = new StateCache<string>(2);
    cache.set('a', 0, 'a0');
    cache.set('b', 0, 'b0');
    expect(cache.at('a', 0)).toBe('a0');
    cache.set('c', 0, 'c0');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')?.state).toBe('b0');
    cache.set('d', 0, 'd0');
    expect(cache.get('c')).toBeUndefined();
    expect(cache.get('b')?.state).toBe('b0');
  });

  it('keeps as many earlier states as asked, for readers a little behind; none by default', () => {
    const cache = new StateCache<string>(10, 2);
    for (const revision of [3, 5, 6, 9]) cache.set('journey-c1', revision, `after ${revision}`);
    expect(cache.at('journey-c1', 9)).toBe('after 9');
    expect(cache.at('journey-c1', 6)).toBe('after 6');
    expect(cache.at('journey-c1', 5)).toBe('after 5');
    expect(cache.at('journey-c1', 3)).toBeUndefined();
    expect(cache.get('journey-c1')).toMatchObject({ revision: 9, state: 'after 9' });
    cache.set('journey-c1', 6, 'read again at 6');
    expect(cache.at('journey-c1', 6)).toBe('read again at 6');
    expect(cache.at('journey-c1', 9)).toBeUndefined();
    expect(cache.at('journey-c1', 5)).toBe('after 5');

    const plain = new StateCache<string>();
    plain.set('journey-c1', 3, 'after 3');
    plain.set('journey-c1', 4, 'after 4');
    expect(plain.at('journey-c1', 3)).toBeUndefined();
  });

  it('tells of each stream’s latest state as it is let go for room, and of none replaced or deleted', () => {
    const letGo: string[] = [];
    const cache = new StateCache<string>(2, 2, (stream, revision, state) => letGo.push(`${stream}@${revision}: ${state}`));
    cache.set('a', 0, 'a0');
    cache.set('a', 1, 'a1');
    cache.set('b', 0, 'b0');
    cache.delete('b');
    cache.set('c', 0, 'c0');
    expect(letGo).toEqual([]);
    cache.set('d', 0, 'd0');
    expect(letGo).toEqual(['a@1: a1']);
  });

  it('lists every stream’s latest state, the most recently used first', () => {
    const cache = new StateCache<string>(10, 2);
    cache.set('a', 0, 'a0');
    cache.set('b', 0, 'b0');
    cache.set('a', 1, 'a1');
    expect([...cache.latest()]).toEqual([
      { stream: 'a', revision: 1, state: 'a1' },
      { stream: 'b', revision: 0, state: 'b0' },
    ]);
  });

  it('forgets an erased stream', () => {
    const cache = new StateCache<string>(10, 2);
    cache.set('journey-c1', 3, 'after 3');
    cache.set('journey-c1', 4, 'after 4');
    cache.delete('journey-c1');
    expect(cache.at('journey-c1', 3)).toBeUndefined();
    expect(cache.at('journey-c1', 4)).toBeUndefined();
  });
});
