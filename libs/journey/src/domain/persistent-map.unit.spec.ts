import { emptyMap, entriesOf, getIn, hasIn, setIn, type PersistentMap } from './persistent-map';

describe('persistent map', () => {
  it('answers what was set, and nothing else', () => {
    const map = setIn(setIn(emptyMap<number>(), 'a', 1), 'b', 2);
    expect([getIn(map, 'a'), getIn(map, 'b'), getIn(map, 'c')]).toEqual([1, 2, undefined]);
    expect(map.size).toBe(2);
    expect(hasIn(map, 'a')).toBe(true);
    expect(hasIn(emptyMap(), 'a')).toBe(false);
  });

  it('replaces a value without growing', () => {
    const map = setIn(setIn(emptyMap<string>(), 'a', 'x'), 'a', 'y');
    expect(getIn(map, 'a')).toBe('y');
    expect(map.size).toBe(1);
  });

  it('never changes an older map (every version stays as it was)', () => {
    const versions: PersistentMap<number>[] = [emptyMap()];
    for (let n = 0; n < 2_000; n += 1) versions.push(setIn(versions[n]!, `key-${n % 1_500}`, n));
    expect(versions[1_000]!.size).toBe(1_000);
    expect(getIn(versions[1_000]!, 'key-999')).toBe(999);
    expect(getIn(versions[1_000]!, 'key-1000')).toBeUndefined();
    expect(getIn(versions[2_000]!, 'key-10')).toBe(1_510);
    expect(getIn(versions[1_600]!, 'key-10')).toBe(1_510);
    expect(getIn(versions[1_510]!, 'key-10')).toBe(10);
    expect(versions[2_000]!.size).toBe(1_500);
  });

  it('keeps keys whose whole 32-bit hashes collide apart', () => {
    // FNV-1a gives "c2ya8" and "czki6" the same hash.
    let map = setIn(setIn(emptyMap<string>(), 'c2ya8', 'first'), 'czki6', 'second');
    expect([getIn(map, 'c2ya8'), getIn(map, 'czki6'), map.size]).toEqual(['first', 'second', 2]);
    map = setIn(map, 'czki6', 'again');
    expect([getIn(map, 'c2ya8'), getIn(map, 'czki6'), map.size]).toEqual(['first', 'again', 2]);
    map = setIn(map, 'c2ya9', 'third');
    expect(getIn(map, 'czki7')).toBeUndefined();
  });

  it('agrees with a Map over 20,000 sets of 5,000 keys', () => {
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const reference = new Map<string, number>();
    let map = emptyMap<number>();
    for (let n = 0; n < 20_000; n += 1) {
      const key = `contact-${Math.floor(random() * 5_000)}`;
      reference.set(key, n);
      map = setIn(map, key, n);
    }
    expect(map.size).toBe(reference.size);
    for (const [key, value] of reference) expect(getIn(map, key)).toBe(value);
    expect(getIn(map, 'contact-5000')).toBeUndefined();
  });

  it('lists every entry once', () => {
    let map = emptyMap<number>();
    for (let n = 0; n < 5_000; n += 1) map = setIn(map, `k${n}`, n);
    const entries = entriesOf(map);
    expect(entries).toHaveLength(5_000);
    expect(new Map(entries).get('k4321')).toBe(4321);
  });
});
