/**
 * Per-entity memory (pending contacts, queued cases) as JSON: key → value pairs spread over 256
 * buckets by a hash of the key. Evolve copies what it changes, and V8 copies a short array far
 * faster than an object with thousands of (changing) keys: a rebuild of a year stays linear.
 */
export type Entry<Value> = readonly [key: string, value: Value];
export type BucketedRecord<Value> = readonly (readonly Entry<Value>[])[];

const BUCKETS = 256;

export const emptyRecord = <Value>(): BucketedRecord<Value> => Array.from({ length: BUCKETS }, () => []);

const bucketOf = (key: string): number => {
  let hash = 5381;
  for (let i = 0; i < key.length; i++) hash = ((hash * 33) ^ key.charCodeAt(i)) >>> 0;
  return hash % BUCKETS;
};

export const getEntry = <Value>(record: BucketedRecord<Value>, key: string): Value | undefined =>
  record[bucketOf(key)]?.find(([other]) => other === key)?.[1];

const withBucket = <Value>(record: BucketedRecord<Value>, index: number, bucket: readonly Entry<Value>[]): BucketedRecord<Value> => {
  const copy = record.slice();
  copy[index] = bucket;
  return copy;
};

export const setEntry = <Value>(record: BucketedRecord<Value>, key: string, value: Value): BucketedRecord<Value> => {
  const index = bucketOf(key);
  const bucket = record[index] ?? [];
  const at = bucket.findIndex(([other]) => other === key);
  const entry: Entry<Value> = [key, value];
  return withBucket(record, index, at < 0 ? [...bucket, entry] : bucket.map((existing, i) => (i === at ? entry : existing)));
};

export const removeEntry = <Value>(record: BucketedRecord<Value>, key: string): BucketedRecord<Value> => {
  const index = bucketOf(key);
  const bucket = record[index] ?? [];
  return bucket.some(([other]) => other === key)
    ? withBucket(
        record,
        index,
        bucket.filter(([other]) => other !== key),
      )
    : record;
};

export const entriesOf = <Value>(record: BucketedRecord<Value>): Entry<Value>[] => record.flat();

/** Drops every `customer/contact` entry of one customer (an erasure). */
export const removeEntriesOfCustomer = <Value>(record: BucketedRecord<Value>, customerId: string): BucketedRecord<Value> =>
  updateEntries(record, (value, key) => (key.startsWith(`${customerId}/`) ? undefined : value));

/** Rewrites every entry in one pass (a sweep); an entry the update returns undefined for is removed. */
export const updateEntries = <Value>(
  record: BucketedRecord<Value>,
  update: (value: Value, key: string) => Value | undefined,
): BucketedRecord<Value> =>
  record.map((bucket) => {
    const updated = bucket.flatMap(([key, value]): Entry<Value>[] => {
      const next = update(value, key);
      return next === undefined ? [] : [next === value ? [key, value] : [key, next]];
    });
    return updated.length === bucket.length && updated.every(([, value], i) => value === bucket[i][1]) ? bucket : updated;
  });
