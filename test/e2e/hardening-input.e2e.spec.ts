import { Logger } from '@nestjs/common';
import { gzipSync } from 'node:zlib';
import { interaction, startHarness, type RegieHarness } from '@regie/testing';

/** Issue 11: each shape that once gave a 5xx, a 14-second stall or a silent drop, against the running app. */
describe('Hostile input to POST /v1/interactions gets a clear answer; the process stays up and records none of it', () => {
  let regie: RegieHarness;
  let channel: string;
  let agent: string;
  const errorLog = jest.spyOn(Logger.prototype, 'error');

  beforeAll(async () => {
    regie = await startHarness();
    channel = await regie.token('chatbot-platform', 'channel');
    agent = await regie.token('agent-1', 'agent');
  });
  afterAll(async () => {
    await regie.stop();
    errorLog.mockRestore();
  });
  afterEach(async () => {
    expect((await regie.http.get('/health')).status).toBe(200);
    expect(errorLog).not.toHaveBeenCalled();
  });

  const post = (body: string, contentType = 'application/json', token: string | undefined = channel) => {
    const req = regie.http.post('/v1/interactions').set('Content-Type', contentType);
    return (token ? req.set('Authorization', `Bearer ${token}`) : req).send(body);
  };
  const journeyOf = async (customerId: string) =>
    (await regie.http.get(`/v1/customers/${customerId}/journey`).set('Authorization', `Bearer ${agent}`).expect(200)).body.entries;
  const problem = (response: { status: number; headers: Record<string, string>; body: unknown }, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.body as { errors: { path: string; message: string }[]; detail: string; limit?: unknown };
    expect(body).toMatchObject({ status, type: expect.stringMatching(/^urn:regie:problem:/), title: expect.any(String) });
    return body;
  };
  /** The JSON of a valid event for `subject`, with `raw` (JSON text) spliced in as data.extra. */
  const eventWith = (subject: string, raw: string, data: Record<string, unknown> = {}) =>
    JSON.stringify(interaction({ subject }, { ...data, extra: '#' })).replace('"#"', raw);

  it('nesting 5,000 deep in data: 400 naming the path and the depth limit', async () => {
    const body = problem(await post(eventWith('cust-deep', `${'['.repeat(5_000)}${']'.repeat(5_000)}`)), 400);
    expect(body.errors[0].path).toMatch(/^data\.extra(\[0\])+$/);
    expect(body.limit).toEqual({ name: 'depth', max: 32 });
    expect(await journeyOf('cust-deep')).toEqual([]);
  });

  describe.each(['constructor', '__proto__', 'prototype'])('the key %s', (key) => {
    it('in data: 400 naming the key', async () => {
      const body = problem(await post(eventWith('cust-proto', `{"${key}":{"x":1}}`)), 400);
      expect(body.errors).toEqual([{ path: `data.extra.${key}`, message: expect.stringContaining(`"${key}" is not accepted`) }]);
    });

    it('in survey answers: 400 naming the key', async () => {
      const survey = interaction(
        { subject: 'cust-proto', type: 'survey.answered' },
        { channel: 'video', instrument: 'csat', answers: { q1: 8, zz: 1 } },
      );
      const body = problem(await post(JSON.stringify(survey).replace('"zz"', `"${key}"`)), 400);
      expect(body.errors[0].path).toBe(`data.answers.${key}`);
      expect(await journeyOf('cust-proto')).toEqual([]);
    });
  });

  it("95,000 keys in one event's data (under the body limit): 413 at once, naming data and the key limit", async () => {
    const keys = Array.from({ length: 95_000 }, (_, n) => `"k${n}":1`).join(',');
    const text = eventWith('cust-wide', '1').replace('"extra":1', keys);
    expect(Buffer.byteLength(text)).toBeLessThan(1024 * 1024);
    const body = problem(await post(text), 413);
    expect(body.errors).toEqual([{ path: 'data', message: 'an object holds at most 1000 keys; this one has 95002' }]);
    expect(body.limit).toEqual({ name: 'keys', max: 1000 });
    expect(await journeyOf('cust-wide')).toEqual([]);
  });

  it('30 KB of [{},{},…]: 413 naming the batch limit, not a 7.9 MB error list', async () => {
    const response = await post(`[${Array(10_000).fill('{}').join(',')}]`);
    expect(problem(response, 413).errors).toEqual([{ path: '$', message: 'a batch holds at most 1000 items; this one has 10000' }]);
    expect(response.text.length).toBeLessThan(1_000);
  });

  it('1,000 empty events (within the batch limit): 400 listing the first 100 problems and counting them all', async () => {
    const response = await post(`[${Array(1_000).fill('{}').join(',')}]`);
    const body = problem(response, 400) as unknown as { errors: unknown[]; totalErrors: number; detail: string };
    expect(body.errors).toHaveLength(100);
    expect(body.totalErrors).toBeGreaterThan(1_000);
    expect(body.detail).toContain(`${body.totalErrors} problems, the first 100 listed`);
    expect(response.text.length).toBeLessThan(20_000);
  });

  it('a string of 20,000 characters: 413 naming its path and the limit', async () => {
    const body = problem(await post(eventWith('cust-long', JSON.stringify('x'.repeat(20_000)))), 413);
    expect(body.errors[0].path).toBe('data.extra');
    expect(body.limit).toEqual({ name: 'string-length', max: 10_000 });
    expect(await journeyOf('cust-long')).toEqual([]);
  });

  it.each([
    ['text/plain', 'hello'],
    ['application/x-www-form-urlencoded', 'specversion=1.0&id=evt-1'],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--'],
    ['application/xml', '<event/>'],
  ])('a %s body: 415 naming the accepted types', async (contentType, text) => {
    const body = problem(await post(text, contentType), 415);
    expect(body.detail).toContain('application/json');
    expect(body.errors).toEqual([{ path: 'Content-Type', message: expect.stringContaining('application/cloudevents+json') }]);
  });

  it('a body with no Content-Type at all: 415', async () => {
    // fetch sends bytes without a Content-Type; supertest would add one.
    const body = Buffer.from(JSON.stringify(interaction({ subject: 'cust-untyped' })));
    const response = await fetch(`${regie.url}/v1/interactions`, { method: 'POST', headers: { Authorization: `Bearer ${channel}` }, body });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ status: 415, detail: expect.stringContaining('no Content-Type') });
    expect(await journeyOf('cust-untyped')).toEqual([]);
  });

  describe('Content-Encoding', () => {
    it('gzip with a body that is not gzip: 400 naming the encoding, with or without a token, and nothing logged', async () => {
      for (const token of [channel, undefined]) {
        const response = await post('this is not gzip', 'application/json', token).set('Content-Encoding', 'gzip');
        expect(problem(response, 400).errors).toEqual([{ path: 'Content-Encoding', message: 'the body must be gzip-encoded JSON' }]);
      }
    });

    it('an encoding Regie does not know: 415 naming the accepted ones', async () => {
      const body = problem(await post('{}').set('Content-Encoding', 'compress'), 415);
      expect(body.errors[0].message).toContain('gzip');
    });

    it('real gzip is still read', async () => {
      const gzipped = gzipSync(JSON.stringify(interaction({ subject: 'cust-gzip' })));
      // fetch, not supertest: superagent would serialise a Buffer as JSON.
      const headers = { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', Authorization: `Bearer ${channel}` };
      const response = await fetch(`${regie.url}/v1/interactions`, { method: 'POST', headers, body: gzipped });
      expect(response.status).toBe(202);
      expect(await journeyOf('cust-gzip')).toHaveLength(1);
    });
  });

  describe('a batch that repeats an event (source, id)', () => {
    it('identically: 202 counting the repeat as a duplicate, recorded once', async () => {
      const event = interaction({ subject: 'cust-twice' });
      const reordered = Object.fromEntries(Object.entries(event).reverse());
      const response = await post(JSON.stringify([event, reordered, interaction({ subject: 'cust-twice' })]));
      expect(response.status).toBe(202);
      expect(response.body).toEqual({ accepted: 2, duplicates: 1 });
      expect(await journeyOf('cust-twice')).toHaveLength(2);
    });

    it('with different content: 400 naming the second, nothing recorded', async () => {
      const event = interaction({ subject: 'cust-conflict' });
      const other = interaction({ subject: 'cust-conflict' });
      const changed = { ...event, data: { ...event.data, topic: 'a different topic' } };
      const body = problem(await post(JSON.stringify([event, other, changed])), 400);
      expect(body.errors).toEqual([{ path: '[2].id', message: expect.stringContaining('of [0] with different content') }]);
      expect(await journeyOf('cust-conflict')).toEqual([]);
    });
  });

  it('sends no X-Powered-By, on success or on error', async () => {
    const responses = [
      await regie.http.get('/health'),
      await post(JSON.stringify(interaction({ subject: 'cust-header' }))),
      await post('{', 'application/json'),
      await regie.http.get('/v1/nothing-here'),
    ];
    for (const response of responses) expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('accepts the heaviest input within the limits, and records only the contract fields', async () => {
    const wide = Object.fromEntries(Array.from({ length: 990 }, (_, n) => [`k${n}`, n]));
    const deep = JSON.stringify(wide).replace('"k0":0', `"k0":${'['.repeat(28)}1${']'.repeat(28)}`);
    const first = JSON.stringify(interaction({ subject: 'cust-heavy' }, { extra: '#' })).replace('"#"', deep);
    const rest = Array.from({ length: 999 }, () => JSON.stringify(interaction({ subject: 'cust-heavy' })));
    const response = await post(`[${[first, ...rest].join(',')}]`);
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ accepted: 1_000 });
    const [entry] = await journeyOf('cust-heavy');
    expect(JSON.stringify(entry)).not.toContain('k989');
  });
});

describe('The JSON limits come from the environment', () => {
  let regie: RegieHarness;
  beforeAll(async () => {
    regie = await startHarness({ env: { REGIE_JSON_MAX_DEPTH: '5', REGIE_JSON_MAX_ITEMS: '2', REGIE_JSON_MAX_KEYS: '2000' } });
  });
  afterAll(() => regie.stop());

  it('REGIE_JSON_MAX_DEPTH and REGIE_JSON_MAX_ITEMS', async () => {
    const channel = await regie.token('chatbot-platform', 'channel');
    const post = (body: object) =>
      regie.http.post('/v1/interactions').set('Authorization', `Bearer ${channel}`).set('Content-Type', 'application/json').send(body);
    const deep = await post([interaction({}, { extra: [[[1]]] })]);
    expect(deep.status).toBe(400);
    expect(deep.body).toMatchObject({ limit: { name: 'depth', max: 5 }, errors: [{ path: '[0].data.extra[0][0]' }] });
    const batch = await post([interaction(), interaction(), interaction()]);
    expect(batch.status).toBe(413);
    expect(batch.body).toMatchObject({ limit: { name: 'items', max: 2 } });
    expect((await post([interaction(), interaction()])).status).toBe(202);
  });

  it('REGIE_JSON_MAX_KEYS above the default: an event whose data has 1,500 keys is taken, and only its contract fields kept', async () => {
    const channel = await regie.token('chatbot-platform', 'channel');
    const agent = await regie.token('agent-1', 'agent');
    const wide = Object.fromEntries(Array.from({ length: 1_500 }, (_, n) => [`k${n}`, n]));
    const event = interaction({ subject: 'cust-wide' });
    const response = await regie.http
      .post('/v1/interactions')
      .set('Authorization', `Bearer ${channel}`)
      .set('Content-Type', 'application/json')
      .send([{ ...event, data: { ...wide, ...event.data } }]);
    expect(response.status).toBe(202);
    const journey = await regie.http.get('/v1/customers/cust-wide/journey').set('Authorization', `Bearer ${agent}`).expect(200);
    expect(journey.body.entries).toHaveLength(1);
    expect(JSON.stringify(journey.body.entries)).not.toContain('k1499');
  });
});
