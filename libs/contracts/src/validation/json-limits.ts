import type { ValidationIssue } from '../validation-issue';

/** How large and how deep a JSON document Regie takes in (shared/DESIGN.md §8). */
export interface JsonLimits {
  /** Containers nested inside each other; the top-level object or array is level 1. */
  readonly maxDepth: number;
  /** Keys in one object. */
  readonly maxKeys: number;
  /** Items in one array (so also events in one batch). */
  readonly maxItems: number;
  /** Characters in one string, and in one key. */
  readonly maxStringLength: number;
}

export const DEFAULT_JSON_LIMITS: JsonLimits = { maxDepth: 32, maxKeys: 1_000, maxItems: 1_000, maxStringLength: 10_000 };

/** Keys that mean something to JavaScript objects themselves; no Regie contract uses them, and mappers trip over them. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonLimitName = 'depth' | 'keys' | 'items' | 'string-length' | 'reserved-key';

/** The first place a document breaks a limit: the issue, which limit, and its value. */
export interface JsonLimitViolation extends ValidationIssue {
  readonly limit: JsonLimitName;
  readonly max?: number;
}

interface Frame {
  readonly value: unknown;
  readonly depth: number;
  readonly parent?: Frame;
  readonly key?: string | number;
}

const SEGMENT_SHOWN = 64;

/** `data.answers[2].x` from the chain of frames; only built when something is wrong. */
const pathOf = (frame: Frame): string => {
  const segments: string[] = [];
  for (let at: Frame | undefined = frame; at?.parent; at = at.parent) {
    const key = at.key!;
    if (typeof key === 'number') segments.push(`[${key}]`);
    else segments.push(`.${key.length > SEGMENT_SHOWN ? `${key.slice(0, SEGMENT_SHOWN)}…` : key}`);
  }
  const path = segments.reverse().join('');
  return path === '' ? '$' : path.replace(/^\./, '');
};

const violation = (frame: Frame, limit: JsonLimitName, message: string, max?: number): JsonLimitViolation => ({
  path: pathOf(frame),
  message,
  limit,
  ...(max !== undefined && { max }),
});

const checkObject = (frame: Frame, object: Record<string, unknown>, limits: JsonLimits, stack: Frame[]): JsonLimitViolation | undefined => {
  const keys = Object.keys(object);
  if (keys.length > limits.maxKeys) {
    return violation(frame, 'keys', `an object holds at most ${limits.maxKeys} keys; this one has ${keys.length}`, limits.maxKeys);
  }
  const children = keys.map((key): Frame => ({ value: object[key], depth: frame.depth + 1, parent: frame, key }));
  for (const child of children) {
    const key = child.key as string;
    if (RESERVED_KEYS.has(key)) {
      return violation(child, 'reserved-key', `the key "${key}" is not accepted: ${[...RESERVED_KEYS].join(', ')} are reserved`);
    }
    if (key.length > limits.maxStringLength) {
      return violation(child, 'string-length', `a key holds at most ${limits.maxStringLength} characters`, limits.maxStringLength);
    }
  }
  for (let index = children.length - 1; index >= 0; index -= 1) stack.push(children[index]);
  return undefined;
};

const checkArray = (frame: Frame, array: readonly unknown[], limits: JsonLimits, stack: Frame[]): JsonLimitViolation | undefined => {
  if (array.length > limits.maxItems) {
    const what = frame.parent ? 'an array holds' : 'a batch holds';
    return violation(frame, 'items', `${what} at most ${limits.maxItems} items; this one has ${array.length}`, limits.maxItems);
  }
  for (let index = array.length - 1; index >= 0; index -= 1) {
    stack.push({ value: array[index], depth: frame.depth + 1, parent: frame, key: index });
  }
  return undefined;
};

/**
 * Walks a parsed JSON document once, without recursion (a document nested 100,000 deep cannot
 * overflow the stack), and returns the first place it breaks a limit. Linear in the document's
 * size; run it before any mapper or validator that recurses or copies.
 */
export const checkJsonLimits = (document: unknown, limits: JsonLimits = DEFAULT_JSON_LIMITS): JsonLimitViolation | undefined => {
  const stack: Frame[] = [{ value: document, depth: 0 }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value } = frame;
    if (typeof value === 'string') {
      if (value.length > limits.maxStringLength) {
        const message = `a string holds at most ${limits.maxStringLength} characters; this one has ${value.length}`;
        return violation(frame, 'string-length', message, limits.maxStringLength);
      }
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const depth = frame.depth + 1;
    if (depth > limits.maxDepth) {
      return violation(frame, 'depth', `objects and arrays nest at most ${limits.maxDepth} levels deep`, limits.maxDepth);
    }
    const found = Array.isArray(value)
      ? checkArray(frame, value, limits, stack)
      : checkObject(frame, value as Record<string, unknown>, limits, stack);
    if (found) return found;
  }
  return undefined;
};
