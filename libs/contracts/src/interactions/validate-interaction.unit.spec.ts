import fc from 'fast-check';
import { validateInteraction, validateInteractionBatch } from './validate-interaction';

const rules = { channels: new Set(['web', 'chatbot', 'live-chat', 'video']) };

const event = (overrides: Record<string, unknown> = {}, data: Record<string, unknown> = {}) => ({
  specversion: '1.0',
  id: 'evt-1',
  source: 'urn:regie:chatbot',
  type: 'bot.fallback',
  subject: 'cust-7f3a',
  time: '2026-03-01T09:30:00Z',
  data: { channel: 'chatbot', contactId: 'chat-1', confidence: 0.2, ...data },
  ...overrides,
});

const pathsOf = (raw: unknown) => {
  const result = validateInteraction(raw, rules);
  return result.ok ? [] : result.issues.map((issue) => issue.path).sort();
};

describe('validateInteraction', () => {
  it('lets the concept check a well-formed event further, with paths under the batch index', () => {
    const checkData = jest.fn((type: string) => (type === 'bot.fallback' ? [{ path: 'data.confidence', message: 'too unsure' }] : []));
    expect(validateInteractionBatch([event()], { ...rules, checkData })).toEqual({
      ok: false,
      issues: [{ path: '[0].data.confidence', message: 'too unsure' }],
    });
    expect(validateInteraction(event({}, { channel: 'fax' }), { ...rules, checkData }).ok).toBe(false);
    expect(checkData).toHaveBeenCalledTimes(1);
  });

  it('refuses data that is a function, which no JSON body holds but a caller in this process could give', () => {
    const data = Object.assign(() => 1, { channel: 'chatbot', contactId: 'chat-1' });
    expect(pathsOf({ ...event(), data })).toEqual(['data']);
  });

  it('accepts a valid event and keeps only the contract fields of its data', () => {
    const result = validateInteraction(event({}, { name: 'Jan Jansen' }), rules);
    expect(result).toEqual({
      ok: true,
      value: {
        specversion: '1.0',
        id: 'evt-1',
        source: 'urn:regie:chatbot',
        type: 'bot.fallback',
        subject: 'cust-7f3a',
        time: '2026-03-01T09:30:00Z',
        data: { channel: 'chatbot', contactId: 'chat-1', confidence: 0.2 },
      },
    });
  });

  it("refuses what the CloudEvents SDK refuses, though the contract's own checks pass it", () => {
    const result = validateInteraction(event({ source: 'not a uri reference' }), rules);
    expect(result).toEqual({ ok: false, issues: [{ path: '$', message: expect.stringContaining('not a valid CloudEvent') }] });
    expect(validateInteraction(event({ source: 'https://example.org/chatbot' }), rules).ok).toBe(true);
  });

  it('reports every bad field at once, each with its path and what is accepted', () => {
    const result = validateInteraction(
      event({ specversion: '0.3', subject: undefined, type: 'bot.exploded', time: 'yesterday' }, { channel: 'fax' }),
      rules,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.path).sort()).toEqual(['data.channel', 'specversion', 'subject', 'time', 'type']);
    expect(result.issues.find((issue) => issue.path === 'type')?.message).toContain('contact.started');
    expect(result.issues.find((issue) => issue.path === 'data.channel')?.message).toContain('live-chat');
  });

  it('validates the data of each type', () => {
    expect(pathsOf(event({ type: 'sentiment.observed' }, { score: -3 }))).toEqual(['data.score']);
    expect(pathsOf(event({ type: 'contact.ended' }, { outcome: 'happy' }))).toEqual(['data.outcome']);
    expect(pathsOf(event({ type: 'task.failed' }))).toEqual(['data.task']);
    expect(pathsOf(event({ type: 'survey.answered' }, { instrument: 'csat', answers: { q1: 'ten' } }))).toEqual(['data.answers']);
    expect(pathsOf(event({ type: 'survey.answered' }, { instrument: 'csat', answers: { q1: 8, q2: 9, q3: 7 } }))).toEqual([]);
  });

  it('refuses what looks like personal data as the customer id', () => {
    expect(pathsOf(event({ subject: '123456782' }))).toEqual(['subject']);
    expect(pathsOf(event({ subject: 'Jan Jansen' }))).toEqual(['subject']);
  });

  it('refuses wrong types and missing data', () => {
    expect(pathsOf(event({ id: 42 }))).toEqual(['id']);
    expect(pathsOf(event({ data: undefined }))).toEqual(['data']);
    expect(pathsOf(event({}, { contactId: undefined }))).toEqual(['data.contactId']);
    expect(pathsOf('not an object')).toEqual(['$']);
  });
});

describe('validateInteractionBatch', () => {
  it('refuses the whole batch and names the index of each bad event', () => {
    const result = validateInteractionBatch([event(), event({ id: 'evt-2', subject: '' }), event({ id: 'evt-3', time: 3 })], rules);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((issue) => issue.path)).toEqual(['[1].subject', '[2].time']);
  });

  it('refuses an empty batch', () => {
    expect(validateInteractionBatch([], rules).ok).toBe(false);
  });

  it('gives the same verdict to an event with only the contract fields, taken as it is, as to one picked from extra fields', () => {
    const text = fc.oneof(fc.constantFrom('', 'chat-1', 'cust-7f3a', 'urn:regie:web', '2026-03-01T09:30:00Z', '12345678'), fc.string());
    const value = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.dictionary(text, text, { maxKeys: 2 }));
    const typeName = fc.constantFrom('contact.started', 'contact.ended', 'bot.fallback', 'handoff.requested', 'task.failed', 'nope');
    // Each field most often left as a valid event has it, else any value: events valid and not, in about equal parts.
    const fields = (names: readonly string[]) =>
      fc
        .array(fc.tuple(fc.constantFrom(...names), value), { maxLength: 2 })
        .map((entries) => Object.fromEntries(entries) as Record<string, unknown>);
    const events = fc
      .tuple(
        fc.oneof(
          { arbitrary: fc.constant({}), weight: 3 },
          { arbitrary: fields(['specversion', 'id', 'source', 'subject', 'time']), weight: 1 },
        ),
        typeName,
        fc.oneof(
          { arbitrary: fc.constant({}), weight: 2 },
          { arbitrary: fields(['topic', 'outcome', 'handlingSeconds', 'waitSeconds', 'confidence', 'reason', 'task']), weight: 1 },
        ),
        fc.constantFrom('chatbot', 'web', 'fax'),
        fc.boolean(),
      )
      .map(([envelope, type, data, channel, validBase]) => ({
        ...(validBase ? event({ type }) : {}),
        ...envelope,
        type,
        data: {
          ...(validBase
            ? {
                channel,
                contactId: 'chat-1',
                ...(type === 'contact.ended' && { outcome: 'resolved' }),
                ...(type === 'task.failed' && { task: 'login' }),
              }
            : {}),
          ...data,
        },
      }));
    let accepted = 0;
    fc.assert(
      fc.property(events, (raw) => {
        const withExtras = { ...raw, extension: 'x', data: { ...raw.data, name: 'Jan Jansen' } };
        const verdict = validateInteraction(raw, rules);
        if (verdict.ok) accepted += 1;
        expect(verdict).toStrictEqual(validateInteraction(withExtras, rules));
      }),
      { numRuns: 3_000 },
    );
    expect(accepted).toBeGreaterThan(300);
  });

  it('keeps nothing of the object it was given, and takes only own fields of plain objects as they are', () => {
    const raw = event();
    const result = validateInteraction(raw, rules);
    if (!result.ok) throw new Error('refused');
    raw.data.channel = 'web';
    expect(result.value.data).toMatchObject({ channel: 'chatbot' });

    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { channel: 'chatbot', contactId: 'chat-1' });
    const fromBare = validateInteraction(event({ data: bare }), rules);
    expect(fromBare).toStrictEqual(validateInteraction(event({ data: { channel: 'chatbot', contactId: 'chat-1' } }), rules));

    const inherited = Object.assign(Object.create({ channel: 'chatbot' }) as Record<string, unknown>, { contactId: 'chat-1' });
    expect(pathsOf(event({ data: inherited }))).toEqual(['data.channel']);
  });
});
