import { jsonStates, StateCache } from './state-cache';

describe('StateCache', () => {
  it('answers a state at exactly the revision it keeps, and nothing for another revision', () => {
    const cache = new StateCache<string>();
    cache.set('journey-c1', 3, 'after 3');
    expect(cache.at('journey-c1', 3)).toBe('after 3');
    expect(cache.at('journey-c1', 2)).toBeUndefined();
    expect(cache.at('journey-c1', 4)).toBeUndefined();
    expect(cache.at('journey-c2', 3)).toBeUndefined();
  });

  it('lets the stream unused for longest go first (a use since the clock hand passed it saves it once); `at` is no use', () => {
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

  it('forgets an erased stream', () => {
    const cache = new StateCache<string>(10, 2);
    cache.set('journey-c1', 3, 'after 3');
    cache.set('journey-c1', 4, 'after 4');
    cache.delete('journey-c1');
    expect(cache.at('journey-c1', 3)).toBeUndefined();
    expect(cache.at('journey-c1', 4)).toBeUndefined();
  });

  describe('with a compact part', () => {
    const compact = (capacity: number) => ({ capacity, codec: jsonStates<{ readonly seen: readonly string[] }>() });

    it('gives a stream let go its latest state back from text, at its revision, and takes it back among the objects', () => {
      const cache = new StateCache(1, 2, compact(10));
      cache.set('a', 1, { seen: ['a0'] });
      cache.set('a', 2, { seen: ['a0', 'a1'] });
      cache.set('b', 0, { seen: ['b0'] }); // `a`, set again, has a second chance: `b` goes
      cache.set('c', 0, { seen: ['c0'] }); // now `a` goes
      expect(cache.at('a', 2)).toBeUndefined();
      expect(cache.get('a')).toEqual({ revision: 2, state: { seen: ['a0', 'a1'] } });
      expect(cache.at('a', 2)).toEqual({ seen: ['a0', 'a1'] });
      expect(cache.at('a', 1)).toBeUndefined(); // the earlier states were not kept as text
      expect(cache.get('b')).toEqual({ revision: 0, state: { seen: ['b0'] } });
      expect(cache.get('c')).toEqual({ revision: 0, state: { seen: ['c0'] } }); // let go for `a`, then for `b`
    });

    it('lets the text of the stream let go first go first, past its capacity', () => {
      const cache = new StateCache(1, 0, compact(2));
      for (const stream of ['a', 'b', 'c', 'd']) cache.set(stream, 0, { seen: [stream] });
      expect(cache.get('a')).toBeUndefined();
      expect(cache.get('b')?.state).toEqual({ seen: ['b'] });
      expect(cache.get('c')?.state).toEqual({ seen: ['c'] });
    });

    it('never gives back text older than a state set since, nor an erased stream’s', () => {
      const cache = new StateCache(1, 0, compact(10));
      cache.set('a', 0, { seen: ['a0'] });
      cache.set('b', 0, { seen: ['b0'] });
      cache.set('a', 4, { seen: ['read again at 4'] });
      cache.set('b', 0, { seen: ['b0'] }); // lets `a` go again, at 4
      expect(cache.get('a')).toEqual({ revision: 4, state: { seen: ['read again at 4'] } });
      cache.delete('b');
      expect(cache.get('b')).toBeUndefined();
      expect(cache.get('a')?.revision).toBe(4);
    });

    it('keeps no text with a capacity of none', () => {
      const cache = new StateCache(1, 0, compact(0));
      cache.set('a', 0, { seen: ['a0'] });
      cache.set('b', 0, { seen: ['b0'] });
      expect(cache.get('a')).toBeUndefined();
    });
  });
});
