import { deterministicEventId } from './deterministic-id';

describe('deterministic EventStoreDB event ids', () => {
  it('gives the same source event the same version-5 UUID, and different ones different ids', () => {
    const id = deterministicEventId('urn:chatbot#evt-1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicEventId('urn:chatbot#evt-1')).toBe(id);
    expect(deterministicEventId('urn:chatbot#evt-2')).not.toBe(id);
  });
});
