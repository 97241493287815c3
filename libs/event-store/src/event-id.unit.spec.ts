import { timeOrderedId } from './event-id';

describe('event ids', () => {
  it('are UUIDs of version 7 that sort in the order they were made, also within one millisecond', () => {
    const ids = Array.from({ length: 2_000 }, () => timeOrderedId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
