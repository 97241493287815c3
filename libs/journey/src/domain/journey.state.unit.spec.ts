import { contactIndex, contactKey, type ContactSummary, type KnownJourney } from './journey.state';

const summary = (seq: number): ContactSummary => ({ channel: 'web', layer: 'self-service', botFallbacks: 0, seq });

describe('the kept contacts', () => {
  it('finds a contact by its id where two ids share a key, and not an id that only shares its key', () => {
    const journey: Pick<KnownJourney, 'contacts' | 'contactKeys'> = {
      contacts: [
        ['web-1', summary(0)],
        ['web-2', summary(1)],
        ['web-3', summary(2)],
      ],
      contactKeys: [7, 7, contactKey('web-3')],
    };
    expect(contactIndex(journey, 'web-1', 7)).toBe(0);
    expect(contactIndex(journey, 'web-2', 7)).toBe(1);
    expect(contactIndex(journey, 'web-4', 7)).toBe(-1);
    expect(contactIndex(journey, 'web-3')).toBe(2);
    expect(contactIndex(journey, 'web-1')).toBe(-1); // its key is not 7: the keys decide what is compared
  });

  it('gives every id a key of 30 bits, the same for the same id', () => {
    for (const id of ['', 'chat-1', 'chat-2', 'x'.repeat(200), '📞']) {
      expect(contactKey(id)).toBe(contactKey(`${id}`));
      expect(contactKey(id)).toBeGreaterThanOrEqual(0);
      expect(contactKey(id)).toBeLessThan(2 ** 30);
    }
    expect(contactKey('chat-1')).not.toBe(contactKey('chat-2'));
  });
});
