/** The category of a prefix (its part up to and with the first '-'), as the `category` column holds it. */
const categoryOf = (prefix: string): string | undefined => {
  const dash = prefix.indexOf('-');
  return dash < 0 ? undefined : prefix.slice(0, dash + 1);
};

/** Drops a prefix that another one of the list covers, so that the prefixes match disjoint sets of streams. */
const minimal = (prefixes: readonly string[]): string[] =>
  [...new Set(prefixes)].filter((prefix, _, all) => !all.some((other) => other !== prefix && prefix.startsWith(other)));

/** One sub-select per prefix, each its first `limit` rows after the position: `?` for after, the prefix's own, then limit. */
const partFor = (prefix: string): { sql: string; params: unknown[] } => {
  const category = categoryOf(prefix);
  const where =
    category === undefined
      ? { sql: 'substr(stream_name, 1, ?) = ?', params: [prefix.length, prefix] }
      : category === prefix
        ? { sql: 'category = ?', params: [category] }
        : { sql: 'category = ? AND substr(stream_name, 1, ?) = ?', params: [category, prefix.length, prefix] };
  return {
    sql: `SELECT * FROM (SELECT * FROM events WHERE position > ? AND ${where.sql} ORDER BY position LIMIT ?)`,
    params: where.params,
  };
};

/**
 * readAll's query for events of streams with one of `prefixes`, in position order: per prefix, a
 * range of the (category, position) index, merged. Parameters: for each part, after, its own
 * and the limit; then the limit of the whole. A prefix without '-' has no category and scans.
 */
export const prefixFilter = (prefixes: readonly string[]): { sql: string; params: unknown[][] } => {
  const parts = minimal(prefixes).map(partFor);
  return {
    sql: `${parts.map((part) => part.sql).join(' UNION ALL ')} ORDER BY position LIMIT ?`,
    params: parts.map((part) => part.params),
  };
};
