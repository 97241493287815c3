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

export type JsonLimitName = 'depth' | 'keys' | 'items' | 'string-length' | 'reserved-key' | 'nul-character' | 'values';

// Text with a NUL character is never meaningful here, and PostgreSQL cannot store it in text or jsonb.
const NUL_MESSAGE = 'text may not contain the NUL character (\\u0000)';

/** The first place a document breaks a limit: the issue, which limit, and its value. */
export interface JsonLimitViolation extends ValidationIssue {
  readonly limit: JsonLimitName;
  readonly max?: number;
}

/** A container on the walk's stack: scalars are checked where they sit and never get a frame. */
interface Frame {
  readonly value: object;
  /** 1 for the top-level container. */
  readonly level: number;
  readonly parent?: Frame;
  readonly key?: string | number;
}

const SEGMENT_SHOWN = 64;

/** `data.answers[2].x` from the chain of frames; only built when something is wrong. */
const pathOf = (frame: Frame, childKey?: string | number): string => {
  const segment = (key: string | number) =>
    typeof key === 'number' ? `[${key}]` : `.${key.length > SEGMENT_SHOWN ? `${key.slice(0, SEGMENT_SHOWN)}…` : key}`;
  const segments = childKey === undefined ? [] : [segment(childKey)];
  for (let at: Frame | undefined = frame; at?.parent; at = at.parent) segments.push(segment(at.key!));
  const path = segments.reverse().join('');
  return path === '' ? '$' : path.replace(/^\./, '');
};

const violation = (path: string, limit: JsonLimitName, message: string, max?: number): JsonLimitViolation => ({
  path,
  message,
  limit,
  ...(max !== undefined && { max }),
});

/** Checks one member of a container; a nested container is pushed for later. */
const checkMember = (frame: Frame, key: string | number, value: unknown, limits: JsonLimits, stack: Frame[]) => {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return violation(pathOf(frame, key), 'nul-character', NUL_MESSAGE);
    if (value.length <= limits.maxStringLength) return undefined;
    const message = `a string holds at most ${limits.maxStringLength} characters; this one has ${value.length}`;
    return violation(pathOf(frame, key), 'string-length', message, limits.maxStringLength);
  }
  if (typeof value !== 'object' || value === null) return undefined;
  if (frame.level + 1 > limits.maxDepth) {
    return violation(pathOf(frame, key), 'depth', `objects and arrays nest at most ${limits.maxDepth} levels deep`, limits.maxDepth);
  }
  stack.push({ value, level: frame.level + 1, parent: frame, key });
  return undefined;
};

const checkObject = (frame: Frame, object: Record<string, unknown>, limits: JsonLimits, stack: Frame[]): JsonLimitViolation | undefined => {
  const keys = Object.keys(object);
  if (keys.length > limits.maxKeys) {
    const message = `an object holds at most ${limits.maxKeys} keys; this one has ${keys.length}`;
    return violation(pathOf(frame), 'keys', message, limits.maxKeys);
  }
  const pushedBefore = stack.length;
  for (const key of keys) {
    if (RESERVED_KEYS.has(key)) {
      const message = `the key "${key}" is not accepted: ${[...RESERVED_KEYS].join(', ')} are reserved`;
      return violation(pathOf(frame, key), 'reserved-key', message);
    }
    if (key.includes('\u0000')) return violation(pathOf(frame, key), 'nul-character', NUL_MESSAGE);
    if (key.length > limits.maxStringLength) {
      return violation(
        pathOf(frame, key),
        'string-length',
        `a key holds at most ${limits.maxStringLength} characters`,
        limits.maxStringLength,
      );
    }
    const found = checkMember(frame, key, object[key], limits, stack);
    if (found) return found;
  }
  reverseFrom(stack, pushedBefore);
  return undefined;
};

const checkArray = (frame: Frame, array: readonly unknown[], limits: JsonLimits, stack: Frame[]): JsonLimitViolation | undefined => {
  if (array.length > limits.maxItems) {
    const what = frame.parent ? 'an array holds' : 'a batch holds';
    return violation(pathOf(frame), 'items', `${what} at most ${limits.maxItems} items; this one has ${array.length}`, limits.maxItems);
  }
  const pushedBefore = stack.length;
  for (let index = 0; index < array.length; index += 1) {
    const found = checkMember(frame, index, array[index], limits, stack);
    if (found) return found;
  }
  reverseFrom(stack, pushedBefore);
  return undefined;
};

/** The children just pushed, reversed, so that they are visited first to last. */
const reverseFrom = (stack: Frame[], from: number): void => {
  for (let low = from, high = stack.length - 1; low < high; low += 1, high -= 1) [stack[low], stack[high]] = [stack[high], stack[low]];
};

/**
 * Walks a parsed JSON document once, without recursion (a document nested 100,000 deep cannot
 * overflow the stack), and returns the first problem it meets. Linear in the document's size and
 * allocation-free for scalars; run it before any mapper or validator that recurses or copies.
 */
export const checkJsonLimits = (document: unknown, limits: JsonLimits = DEFAULT_JSON_LIMITS): JsonLimitViolation | undefined => {
  if (typeof document === 'string' && document.length > limits.maxStringLength) {
    const message = `a string holds at most ${limits.maxStringLength} characters; this one has ${document.length}`;
    return violation('$', 'string-length', message, limits.maxStringLength);
  }
  if (typeof document !== 'object' || document === null) return undefined;
  const stack: Frame[] = [{ value: document, level: 1 }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const found = Array.isArray(frame.value)
      ? checkArray(frame, frame.value, limits, stack)
      : checkObject(frame, frame.value as Record<string, unknown>, limits, stack);
    if (found) return found;
  }
  return undefined;
};

/**
 * Whether a document holds more than `max` values (every key's value and every item, nested
 * ones included); stops counting at `max + 1`. Iterative, like checkJsonLimits.
 */
export const holdsMoreValuesThan = (document: unknown, max: number): boolean => {
  let count = 0;
  const stack: unknown[] = [document];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    const members = Array.isArray(value) ? (value as unknown[]) : Object.values(value);
    count += members.length;
    if (count > max) return true;
    for (const member of members) if (typeof member === 'object' && member !== null) stack.push(member);
  }
  return false;
};
