/**
 * A persistent map from strings (a hash array mapped trie): `setIn` returns a new map that shares
 * everything with the old one but the path to the changed key — at most seven nodes of at most 32
 * slots — so folding n events into a map costs O(n log₃₂ n), where copying a record per event
 * costs O(n²). Old maps never change, so `evolve` stays pure. Plain readonly data, no methods.
 */
interface Leaf<V> {
  readonly hash: number;
  /** More than one only when whole 32-bit hashes collide. */
  readonly entries: readonly (readonly [string, V])[];
}

interface Branch<V> {
  readonly bitmap: number;
  readonly children: readonly Trie<V>[];
}

type Trie<V> = Leaf<V> | Branch<V>;

export interface PersistentMap<V> {
  readonly size: number;
  readonly trie?: Trie<V>;
}

const BITS = 5;
const MASK = 0b11111;

/** FNV-1a, 32 bits. */
const hashOf = (key: string): number => {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
  return hash >>> 0;
};

const bitCount = (value: number): number => {
  let x = value - ((value >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
};

const isLeaf = <V>(trie: Trie<V>): trie is Leaf<V> => 'entries' in trie;
const slotOf = (hash: number, shift: number): number => 1 << ((hash >>> shift) & MASK);

/** Two leaves of different hashes under one branch; they part at the first 5 bits that differ. */
const join = <V>(a: Leaf<V>, b: Leaf<V>, shift: number): Branch<V> => {
  const [slotA, slotB] = [slotOf(a.hash, shift), slotOf(b.hash, shift)];
  if (slotA === slotB) return { bitmap: slotA, children: [join(a, b, shift + BITS)] };
  // Unsigned: slot 31 is 1 << 31, a negative number.
  return { bitmap: slotA | slotB, children: slotA >>> 0 < slotB >>> 0 ? [a, b] : [b, a] };
};

const put = <V>(trie: Trie<V>, key: string, value: V, hash: number, shift: number, added: { value: boolean }): Trie<V> => {
  if (isLeaf(trie)) {
    if (trie.hash !== hash) {
      added.value = true;
      return join(trie, { hash, entries: [[key, value]] }, shift);
    }
    const at = trie.entries.findIndex(([existing]) => existing === key);
    added.value = at < 0;
    return { hash, entries: at < 0 ? [...trie.entries, [key, value]] : trie.entries.map((entry, i) => (i === at ? [key, value] : entry)) };
  }
  const slot = slotOf(hash, shift);
  const index = bitCount(trie.bitmap & (slot - 1));
  const children = [...trie.children];
  if (trie.bitmap & slot) children[index] = put(trie.children[index]!, key, value, hash, shift + BITS, added);
  else {
    added.value = true;
    children.splice(index, 0, { hash, entries: [[key, value]] });
  }
  return { bitmap: trie.bitmap | slot, children };
};

export const emptyMap = <V>(): PersistentMap<V> => ({ size: 0 });

export const getIn = <V>(map: PersistentMap<V>, key: string): V | undefined => {
  const hash = hashOf(key);
  let trie = map.trie;
  for (let shift = 0; trie !== undefined; shift += BITS) {
    if (isLeaf(trie)) return trie.hash === hash ? trie.entries.find(([existing]) => existing === key)?.[1] : undefined;
    const slot = slotOf(hash, shift);
    if (!(trie.bitmap & slot)) return undefined;
    trie = trie.children[bitCount(trie.bitmap & (slot - 1))];
  }
  return undefined;
};

export const hasIn = (map: PersistentMap<unknown>, key: string): boolean => getIn(map, key) !== undefined;

export const setIn = <V>(map: PersistentMap<V>, key: string, value: V): PersistentMap<V> => {
  const hash = hashOf(key);
  if (map.trie === undefined) return { size: 1, trie: { hash, entries: [[key, value]] } };
  const added = { value: false };
  const trie = put(map.trie, key, value, hash, 0, added);
  return { size: map.size + (added.value ? 1 : 0), trie };
};

/** Every entry, in no particular order. */
export const entriesOf = <V>(map: PersistentMap<V>): [string, V][] => {
  const entries: [string, V][] = [];
  const walk = (trie: Trie<V>): void => {
    if (isLeaf(trie)) trie.entries.forEach(([key, value]) => entries.push([key, value]));
    else trie.children.forEach(walk);
  };
  if (map.trie) walk(map.trie);
  return entries;
};
