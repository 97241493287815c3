import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { MAX_PAGE_LIMIT } from '../paging';

/** A list page (paging.ts): `{items, nextCursor?}`. */
export const pageSchema = (item: SchemaObject, extra: Readonly<Record<string, SchemaObject>> = {}): SchemaObject => ({
  type: 'object',
  required: ['items'],
  properties: {
    items: { type: 'array', maxItems: MAX_PAGE_LIMIT, items: item },
    nextCursor: { type: 'string', description: 'Present when there is more: pass it as `cursor` for the next page' },
    ...extra,
  },
});

/** An object with these properties, the `required` ones named; more fields may come (shared/DESIGN.md §3.3). */
export const objectSchema = (properties: Readonly<Record<string, SchemaObject>>, required: readonly string[] = []): SchemaObject => ({
  type: 'object',
  ...(required.length > 0 && { required: [...required] }),
  properties: { ...properties },
});

export const STRING: SchemaObject = { type: 'string' };
export const DATE_TIME: SchemaObject = { type: 'string', format: 'date-time' };
export const INTEGER: SchemaObject = { type: 'integer' };
export const STRINGS: SchemaObject = { type: 'array', items: { type: 'string' } };

/** Server-sent events (text/event-stream): each event's `data` is one JSON value of this schema. */
export const eventStreamContent = (description: string) => ({
  'text/event-stream': { schema: { type: 'string', description } as SchemaObject },
});
