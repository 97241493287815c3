import { pageOf, type PageQueryDto } from './paging';
import { ProblemException } from './problem';

const numbers = Array.from({ length: 250 }, (_, index) => ({ id: `n-${String(index).padStart(3, '0')}`, at: index % 7 }));
const byAtThenId = (item: { id: string; at: number }) => [item.at, item.id] as const;

const all = (query: PageQueryDto = {}) => {
  const seen: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = pageOf('numbers', numbers, byAtThenId, { ...query, ...(cursor && { cursor }) });
    seen.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor);
  return { seen, pages };
};

describe('paging', () => {
  it('answers 100 items by default, in key order, with a cursor to the rest', () => {
    const page = pageOf('numbers', numbers, byAtThenId, {});
    expect(page.items).toHaveLength(100);
    expect(page.items[0]).toEqual({ id: 'n-000', at: 0 });
    expect(page.items[1]).toEqual({ id: 'n-007', at: 0 });
    expect(page.nextCursor).toEqual(expect.stringMatching(/^[A-Za-z0-9_-]+$/));
  });

  it('walks every item exactly once, and gives no cursor on the last page', () => {
    const { seen, pages } = all({ limit: '40' });
    expect(pages).toBe(7);
    expect(new Set(seen).size).toBe(250);
    expect(seen).toEqual([...numbers].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id)).map((item) => item.id));
    expect(pageOf('numbers', numbers, byAtThenId, { limit: '1000' }).nextCursor).toBeUndefined();
  });

  it('neither repeats nor skips when items are added before the cursor meanwhile', () => {
    const first = pageOf('numbers', numbers, byAtThenId, { limit: '10' });
    const grown = [{ id: 'n-new', at: 0 }, ...numbers];
    const second = pageOf('numbers', grown, byAtThenId, { limit: '10', cursor: first.nextCursor! });
    expect(second.items.map((item) => item.id)).not.toContain(first.items[9]!.id);
    expect(second.items[0]).toEqual({ id: 'n-070', at: 0 });
  });

  it('answers the same pages from items already in key order, reading no further than a page and one more', () => {
    const ordered = [...numbers].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
    let read = 0;
    const counted = function* () {
      for (const item of ordered) {
        read += 1;
        yield item;
      }
    };
    let cursor: string | undefined;
    const seen: string[] = [];
    do {
      read = 0;
      const query = { limit: '40', ...(cursor && { cursor }) };
      const page = pageOf('numbers', counted(), byAtThenId, query, { sorted: true });
      expect(page).toEqual(pageOf('numbers', numbers, byAtThenId, query));
      expect(read).toBeLessThanOrEqual(seen.length + 41);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ordered.map((item) => item.id));
  });

  it.each(['nonsense', Buffer.from('["other",1,"x"]').toString('base64url'), Buffer.from('["numbers"]').toString('base64url')])(
    'refuses cursor %j with a 400 naming cursor',
    (cursor) => {
      try {
        pageOf('numbers', numbers, byAtThenId, { cursor });
        throw new Error('expected a refusal');
      } catch (error) {
        expect(error).toBeInstanceOf(ProblemException);
        expect((error as ProblemException).problem).toMatchObject({ status: 400, errors: [{ path: 'cursor' }] });
      }
    },
  );
});
