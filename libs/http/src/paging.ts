import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { ProblemException } from './problem';

/** Lists and the journey page the same way (shared/DESIGN.md §3.3): `?limit=` and an opaque `?cursor=`. */
export const DEFAULT_PAGE_LIMIT = 100;
export const MAX_PAGE_LIMIT = 1000;

export interface Page<T> {
  readonly items: readonly T[];
  /** Present when there is more: pass it as `cursor` for the next page. */
  readonly nextCursor?: string;
}

/** Where an item stands in its list's order; compared part by part. */
export type SortKey = readonly (string | number)[];

export class PageQueryDto {
  @IsOptional()
  @ValidateBy({
    name: 'isPageLimit',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && /^[1-9]\d{0,3}$/.test(value) && Number(value) <= MAX_PAGE_LIMIT,
      defaultMessage: () => `limit must be a whole number from 1 to ${MAX_PAGE_LIMIT}`,
    },
  })
  @ApiPropertyOptional({
    description: `Items per page, 1 to ${MAX_PAGE_LIMIT}`,
    type: 'integer',
    minimum: 1,
    maximum: MAX_PAGE_LIMIT,
    default: DEFAULT_PAGE_LIMIT,
  })
  limit?: string;

  @ApiPropertyOptional({ description: 'The nextCursor of the page before', maxLength: 1000, pattern: '^[A-Za-z0-9_-]+$' })
  @IsOptional()
  @IsString({ message: 'cursor must be the nextCursor of an earlier page' })
  @MaxLength(1000, { message: 'cursor must be the nextCursor of an earlier page' })
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be the nextCursor of an earlier page' })
  cursor?: string;
}

const compareKeys = (a: SortKey, b: SortKey): number => {
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const [x, y] = [a[index], b[index]];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
};

const encodeCursor = (list: string, key: SortKey): string => Buffer.from(JSON.stringify([list, ...key])).toString('base64url');

const isKeyPart = (part: unknown): part is string | number =>
  typeof part === 'string' || (typeof part === 'number' && Number.isFinite(part));

/** The key a cursor stands after; a cursor of another list, or no cursor at all, is a 400 naming `cursor`. */
const decodeCursor = (list: string, cursor: string): SortKey => {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parts = undefined;
  }
  if (!Array.isArray(parts) || parts[0] !== list || parts.length < 2 || !parts.slice(1).every(isKeyPart)) {
    throw ProblemException.validation([{ path: 'cursor', message: `cursor must be the nextCursor of an earlier page of this list` }]);
  }
  return parts.slice(1) as SortKey;
};

/** The page's size and the key it starts after, as `pageOf` reads them: for a source that pages itself (a table) before `pageOf`. */
export const pageBounds = (list: string, query: PageQueryDto): { readonly limit: number; readonly after?: SortKey } => {
  const limit = query.limit === undefined ? DEFAULT_PAGE_LIMIT : Number(query.limit);
  return { limit, ...(query.cursor !== undefined && { after: decodeCursor(list, query.cursor) }) };
};

/**
 * One page of `items`, in the order of `keyOf` (which must tell every two items apart): those after
 * the cursor, at most `limit`. Keys, not offsets: an item added meanwhile neither repeats nor hides one.
 * `list` names the list, so a cursor of one list is refused by another. `sorted`: the items come in key
 * order already (a queue kept sorted), so reading stops once the page and one more are found.
 */
export const pageOf = <T>(
  list: string,
  items: Iterable<T>,
  keyOf: (item: T) => SortKey,
  query: PageQueryDto,
  { sorted = false }: { readonly sorted?: boolean } = {},
): Page<T> => {
  const { limit, after } = pageBounds(list, query);
  const keyed: { item: T; key: SortKey }[] = [];
  for (const item of items) {
    const key = keyOf(item);
    if (after === undefined || compareKeys(key, after) > 0) keyed.push({ item, key });
    if (sorted && keyed.length > limit) break;
  }
  if (!sorted) keyed.sort((a, b) => compareKeys(a.key, b.key));
  const page = keyed.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ item }) => item),
    ...(keyed.length > limit && last && { nextCursor: encodeCursor(list, last.key) }),
  };
};
