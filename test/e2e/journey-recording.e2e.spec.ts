import { interaction, startHarness, type RegieHarness } from '@regie/testing';

describe('Recording a customer journey over HTTP (embedded app)', () => {
  let regie: RegieHarness;
  let channel: string;
  let agent: string;

  beforeAll(async () => {
    regie = await startHarness();
    channel = await regie.token('chatbot-platform', 'channel');
    agent = await regie.token('agent-007', 'agent');
  });
  afterAll(() => regie.stop());

  const post = (body: unknown, token = channel, contentType = 'application/cloudevents+json') =>
    regie.http.post('/v1/interactions').set('Authorization', `Bearer ${token}`).set('Content-Type', contentType).send(JSON.stringify(body));
  const journey = (customerId: string, token = agent) =>
    regie.http.get(`/v1/customers/${customerId}/journey`).set('Authorization', `Bearer ${token}`);

  const threeEvents = (customerId: string) => [
    interaction({ subject: customerId, type: 'contact.started' }, { channel: 'chatbot', contactId: 'chat-1', topic: 'parking permit' }),
    interaction({ subject: customerId, type: 'bot.fallback' }, { channel: 'chatbot', contactId: 'chat-1', confidence: 0.2 }),
    interaction(
      { subject: customerId, type: 'contact.started', source: 'urn:regie:test:telephony' },
      { channel: 'phone', contactId: 'call-9' },
    ),
  ];

  it('records three events in order, once, however often they are posted', async () => {
    const events = threeEvents('cust-order');
    for (const event of events) expect((await post(event)).status).toBe(202);
    await post(events).expect(202);
    await post(events[1]).expect(202);

    const response = await journey('cust-order').expect(200);
    expect(response.body).toEqual({
      customerId: 'cust-order',
      entries: [
        expect.objectContaining({
          type: 'contact.started',
          channel: 'chatbot',
          layer: 'self-service',
          contactId: 'chat-1',
          time: events[0].time,
        }),
        expect.objectContaining({
          type: 'bot.fallback',
          channel: 'chatbot',
          layer: 'self-service',
          contactId: 'chat-1',
          time: events[1].time,
        }),
        expect.objectContaining({
          type: 'contact.started',
          channel: 'phone',
          layer: 'assisted',
          contactId: 'call-9',
          time: events[2].time,
        }),
      ],
    });
  });

  it('accepts a batch as one request and answers 202 with the count', async () => {
    const response = await post(threeEvents('cust-batch'), channel, 'application/json').expect(202);
    expect(response.body).toEqual({ accepted: 3 });
    expect((await journey('cust-batch')).body.entries).toHaveLength(3);
  });

  it('orders the timeline by when things happened, also when a platform delivers late', async () => {
    const [first, second] = threeEvents('cust-late');
    await post(second).expect(202);
    await post(first).expect(202);
    const types = (await journey('cust-late')).body.entries.map((entry: { type: string }) => entry.type);
    expect(types).toEqual(['contact.started', 'bot.fallback']);
  });

  it('answers an unknown customer with an empty journey', async () => {
    expect((await journey('cust-nobody').expect(200)).body).toEqual({ customerId: 'cust-nobody', entries: [] });
  });

  describe('refuses invalid input with problem+json naming each bad field, and records nothing', () => {
    const expectProblem = async (
      response: { status: number; headers: Record<string, string>; body: { errors?: { path: string }[] } },
      status: number,
      paths: string[],
    ) => {
      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
      expect((response.body.errors ?? []).map((error) => error.path).sort()).toEqual(paths.sort());
    };

    it('bad JSON', async () => {
      const response = await regie.http
        .post('/v1/interactions')
        .set('Authorization', `Bearer ${channel}`)
        .set('Content-Type', 'application/json')
        .send('{"specversion": "1.0", ');
      await expectProblem(response, 400, ['$']);
    });

    it('missing subject, unknown type, unknown channel and wrong types, all at once', async () => {
      const bad = interaction({ subject: undefined, type: 'contact.teleported', time: 12 }, { channel: 'pigeon', contactId: 7 });
      await expectProblem(await post(bad), 400, ['subject', 'type', 'time', 'data.channel', 'data.contactId']);
    });

    it('a batch with one bad event records none of it', async () => {
      const events = threeEvents('cust-invalid-batch');
      const batch = [events[0], { ...events[1], subject: 'Jan de Vries' }, events[2]];
      await expectProblem(await post(batch), 400, ['[1].subject']);
      expect((await journey('cust-invalid-batch')).body.entries).toEqual([]);
    });

    it('an oversize body (413 Content Too Large)', async () => {
      const huge = interaction({ subject: 'cust-huge' }, { topic: 'x'.repeat(2 * 1024 * 1024) });
      await expectProblem(await post(huge), 413, ['$']);
      expect((await journey('cust-huge')).body.entries).toEqual([]);
    });
  });

  describe('roles', () => {
    it('401 without a token or with a forged one', async () => {
      const event = interaction({ subject: 'cust-auth' });
      expect((await regie.http.post('/v1/interactions').send(event)).status).toBe(401);
      const forged = `${channel.slice(0, -4)}AAAA`;
      const response = await post(event, forged);
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      expect((await regie.http.get('/v1/customers/cust-auth/journey')).status).toBe(401);
    });

    it('403 with the wrong role', async () => {
      expect((await post(interaction({ subject: 'cust-auth' }), agent)).status).toBe(403);
      expect((await journey('cust-auth', channel)).status).toBe(403);
      expect((await journey('cust-auth', await regie.token('auditor-1', 'auditor'))).status).toBe(403);
    });

    it('lets supervisors read journeys and keeps /health open', async () => {
      await journey('cust-auth', await regie.token('sup-1', 'supervisor')).expect(200);
      const health = await regie.http.get('/health').expect(200);
      expect(health.body.status).toBe('ok');
    });
  });
});
