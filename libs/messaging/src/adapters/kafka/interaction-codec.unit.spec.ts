import { validateInteraction, type Interaction } from '@regie/contracts';
import { decodeInteraction, encodeInteraction, type RawHeaders } from './interaction-codec';

const event: Interaction = {
  specversion: '1.0',
  id: 'evt-1',
  source: 'urn:regie:kcat',
  type: 'contact.started',
  subject: 'cust-kcat',
  time: '2026-03-01T09:30:00Z',
  data: { channel: 'chatbot', contactId: 'chat-1', topic: 'parking' },
};

const message = (value: string | null, headers: RawHeaders = {}) => ({
  key: 'cust-kcat',
  value: value === null ? null : Buffer.from(value, 'utf8'),
  headers,
});

const rules = { channels: new Set(['chatbot']) };

describe('decodeInteraction', () => {
  it('reads a JSON CloudEvent sent with no headers at all as structured mode (kcat, console producers, Kafka Connect)', () => {
    expect(decodeInteraction(message(JSON.stringify(event)))).toEqual({ ok: true, raw: event });
  });

  it('reads it as structured mode with content-type application/json and no ce_ headers too', () => {
    expect(decodeInteraction(message(JSON.stringify(event), { 'content-type': 'application/json' }))).toEqual({ ok: true, raw: event });
  });

  it('reads structured mode with content-type application/cloudevents+json', () => {
    const decoded = decodeInteraction(message(JSON.stringify(event), { 'content-type': 'application/cloudevents+json; charset=utf-8' }));
    expect(decoded).toEqual({ ok: true, raw: event });
  });

  it('reads binary mode: the gateway encoding round-trips', () => {
    const encoded = encodeInteraction({ key: event.subject, interaction: event, actor: 'platform-1' });
    const decoded = decodeInteraction(message(encoded.value, encoded.headers));
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(decoded.raw).toMatchObject({ ...event, time: '2026-03-01T09:30:00.000Z', datacontenttype: 'application/json' });
  });

  it('gives a reason for a headerless value that is not a JSON CloudEvent', () => {
    for (const value of ['not json', '{"id":"evt-1"}', '[1,2]', '42']) {
      const decoded = decodeInteraction(message(value));
      expect(decoded.ok).toBe(false);
      if (!decoded.ok) expect(decoded.reason).toMatch(/structured mode|specversion/);
    }
  });

  it('names the missing ce_ headers of an incomplete binary-mode message', () => {
    const decoded = decodeInteraction(message('{"channel":"chatbot"}', { ce_specversion: '1.0', ce_id: 'evt-1' }));
    expect(decoded).toEqual({ ok: false, reason: expect.stringContaining('ce_source, ce_type, ce_subject, ce_time') });
  });

  it('refuses a message with no value', () => {
    expect(decodeInteraction(message(null)).ok).toBe(false);
  });

  it('hands deep or prototype-keyed values to validation, which refuses them with a reason instead of throwing', () => {
    const deep = JSON.stringify({ ...event, data: { ...event.data, x: 0 } }).replace(
      '"x":0',
      `"x":${'['.repeat(10_000)}${']'.repeat(10_000)}`,
    );
    const proto = JSON.stringify(event).replace('"topic"', '"constructor":{"a":1},"topic"');
    for (const value of [deep, proto]) {
      const decoded = decodeInteraction(message(value));
      expect(decoded.ok).toBe(true);
      const validated = decoded.ok ? validateInteraction(decoded.raw, rules) : undefined;
      expect(validated).toEqual({ ok: false, issues: [expect.objectContaining({ path: expect.stringMatching(/^data\./) })] });
    }
  });
});
