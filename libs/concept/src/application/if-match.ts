/**
 * `If-Match` (RFC 9110 §13.1.1): `*`, or a list of entity tags. `*` matches any current revision;
 * a list matches when one of its strong tags is the current revision's ETag (`"3"`). Weak tags and
 * tags of another form never match (strong comparison), so such a list is a failed precondition.
 */
export type IfMatch = { readonly any: true } | { readonly revisions: readonly number[] } | { readonly invalid: string };

const ENTITY_TAG = /\s*(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"\s*(?:,|$)/y;

export const parseIfMatch = (header: string): IfMatch => {
  if (header.trim() === '*') return { any: true };
  const revisions: number[] = [];
  ENTITY_TAG.lastIndex = 0;
  let tags = 0;
  while (ENTITY_TAG.lastIndex < header.length) {
    const match = ENTITY_TAG.exec(header);
    if (!match) return { invalid: 'must be "*" or one or more ETags, e.g. "3"' };
    tags += 1;
    const [, weak, tag = ''] = match;
    if (!weak && /^(0|[1-9]\d{0,15})$/.test(tag)) revisions.push(Number(tag));
  }
  if (tags === 0) return { invalid: 'must be "*" or one or more ETags, e.g. "3"' };
  return { revisions };
};
