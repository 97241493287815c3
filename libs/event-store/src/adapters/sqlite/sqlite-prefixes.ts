/** The category of a prefix (its part up to and with the first '-'), as the `category` column holds it. */
const categoryOf = (prefix: string): string | undefined => {
  const dash = prefix.indexOf('-');
  return dash < 0 ? undefined : prefix.slice(0, dash + 1);
};

/** Drops a prefix that another one of the list covers, so that the prefixes match disjoint sets of streams. */
const minimal = (prefixes: readonly string[]): string[] =>
  [...new Set(prefixes)].filter((prefix, _, all) => !all.some((other) => other !== prefix && prefix.startsWith(other)));

/**
 * ` LIMIT n` written into the query, or nothing: a bound LIMIT parameter costs better-sqlite3 about
 * 10 µs a call here (measured), more than the query itself when it finds nothing.
 */
export const limitClause = (maxCount: number | undefined): string =>
  maxCount === undefined || maxCount < 0 ? '' : ` LIMIT ${Math.floor(maxCount)}`;

/** One sub-select per prefix, each its first `limit` rows after the position: `?` for after, then the prefix's own. */
const partFor = (prefix: string, limit: string): { sql: string; params: unknown[] } => {
  const category = categoryOf(prefix);
  const where =
    category === undefined
      ? { sql: 'substr(stream_name, 1, ?) = ?', params: [prefix.length, prefix] }
      : category === prefix
        ? { sql: 'category = ?', params: [category] }
        : { sql: 'category = ? AND substr(stream_name, 1, ?) = ?', params: [category, prefix.length, prefix] };
  return {
    sql: `SELECT * FROM (SELECT * FROM events WHERE position > ? AND ${where.sql} ORDER BY position${limit})`,
    params: where.params,
  };
};

/**
 * readAll's query for events of streams with one of `prefixes`, in position order: per prefix, a
 * range of the (category, position) index, merged. Parameters: for each part, after and its own.
 * A prefix without '-' has no category and scans.
 */
export const prefixFilter = (prefixes: readonly string[], maxCount?: number): { sql: string; params: unknown[][] } => {
  const limit = limitClause(maxCount);
  const parts = minimal(prefixes).map((prefix) => partFor(prefix, limit));
  return {
    sql: `${parts.map((part) => part.sql).join(' UNION ALL ')} ORDER BY position${limit}`,
    params: parts.map((part) => part.params),
  };
};
