import { createHash } from 'node:crypto';

/** Stable ids derived from what caused a thing, so a replayed cause finds the same thing. */
export const derivedId = (...parts: string[]): string =>
  createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 20).replace(/[-_]/g, 'x');
