/** Returned by `plainCopy` for a value JSON would change (or could not copy as it is): that value goes through JSON. */
const NOT_PLAIN = Symbol('not plain JSON');

const plainCopy = (value: unknown): unknown => {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : NOT_PLAIN;
    case 'object':
      if (value === null) return null;
      return Array.isArray(value) ? arrayCopy(value) : objectCopy(value);
    default:
      return NOT_PLAIN; // undefined, a function, a symbol, a bigint
  }
};

const arrayCopy = (array: unknown[]): unknown => {
  if (Object.getPrototypeOf(array) !== Array.prototype) return NOT_PLAIN;
  const copy: unknown[] = new Array(array.length);
  for (let index = 0; index < array.length; index += 1) {
    if (!(index in array)) return NOT_PLAIN; // a hole, which JSON writes as null
    const item = plainCopy(array[index]);
    if (item === NOT_PLAIN) return NOT_PLAIN;
    copy[index] = item;
  }
  return copy;
};

const objectCopy = (object: object): unknown => {
  const prototype = Object.getPrototypeOf(object) as unknown;
  // A class instance (a Date, a Map) or a toJSON of its own: JSON decides what it becomes.
  if ((prototype !== Object.prototype && prototype !== null) || 'toJSON' in object) return NOT_PLAIN;
  const copy: Record<string, unknown> = {};
  // for…in with Object.hasOwn: the own keys JSON takes, without an array of them per object.
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue;
    if (key === '__proto__') return NOT_PLAIN; // assigned, it would set the copy's prototype
    const item = plainCopy((object as Record<string, unknown>)[key]);
    if (item === NOT_PLAIN) return NOT_PLAIN;
    copy[key] = item;
  }
  return copy;
};

/**
 * What `JSON.parse(JSON.stringify(value))` gives: what a store that keeps events as JSON reads back. Built directly
 * for JSON's own values (plain objects and arrays, strings, finite numbers, booleans, null), at a twentieth of the
 * round trip's cost on the journey's events; anything else (a Date, undefined, a hole) takes the round trip.
 */
export const jsonCopy = <T>(value: T): T => {
  const copy = plainCopy(value);
  return (copy === NOT_PLAIN ? JSON.parse(JSON.stringify(value)) : copy) as T;
};
