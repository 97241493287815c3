import { eventually, interaction, openSse, startHarness, type RegieHarness } from '@regie/testing';

/** The concept in force over HTTP: read, refuse bad revisions, take a good one at once, keep it. */
describe('The service concept (embedded app over HTTP)', () => {
  let regie: RegieHarness;
  let supervisor: string;
  let channel: string;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const start = async (dataDir?: string) => {
    regie = await startHarness({ ...(dataDir && { dataDir }), env: { REGIE_DISPATCH_TICK_MS: '100' } });
    supervisor = await regie.token('sup-1', 'supervisor');
    channel = await regie.token('chatbot-platform', 'channel');
  };

  beforeAll(() => start());
  afterAll(() => regie.stop());

  it('serves the concept in force to supervisors only', async () => {
    const agent = await regie.token('agent-a', 'agent');
    await regie.http.get('/v1/service-concept').set(auth(agent)).expect(403);
    await regie.http.get('/v1/service-concept').expect(401);
    const response = await regie.http.get('/v1/service-concept').set(auth(supervisor)).expect(200);
    expect(response.headers.etag).toBe('"0"');
    expect(response.body).toMatchObject({
      name: 'gemeente-voorbeeld',
      serviceLevels: { 'live-chat': { targetWaitSeconds: 60, overflowTo: 'phone' } },
    });
  });

  it('refuses an invalid revision with every bad path, and keeps the one in force', async () => {
    const { body: concept } = await regie.http.get('/v1/service-concept').set(auth(supervisor)).expect(200);
    const broken = structuredClone(concept);
    broken.channels[0].layer = 'basement';
    broken.escalation.bot.fallbacksPerContact = 0;
    const response = await regie.http.put('/v1/service-concept').set(auth(supervisor)).send(broken).expect(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.errors.map((error: { path: string }) => error.path)).toEqual(
      expect.arrayContaining(['channels[0].layer', 'escalation.bot.fallbacksPerContact']),
    );
    const unknownTarget = structuredClone(concept);
    unknownTarget.serviceLevels['live-chat'].overflowTo = 'fax';
    const second = await regie.http.put('/v1/service-concept').set(auth(supervisor)).send(unknownTarget).expect(400);
    expect(second.body.errors).toEqual([
      { path: 'serviceLevels.live-chat.overflowTo', message: expect.stringContaining('"fax" is not a channel') },
    ]);
    await regie.http
      .put('/v1/service-concept')
      .set(auth(await regie.token('agent-a', 'agent')))
      .send(concept)
      .expect(403);
    expect((await regie.http.get('/v1/service-concept').set(auth(supervisor))).headers.etag).toBe('"0"');
  });

  it('refuses a revision of an outdated revision (If-Match)', async () => {
    const { body: concept } = await regie.http.get('/v1/service-concept').set(auth(supervisor)).expect(200);
    const response = await regie.http.put('/v1/service-concept').set(auth(supervisor)).set('If-Match', '"7"').send(concept).expect(412);
    expect(response.body.rule).toBe('concept-revised-meanwhile');
  });

  it('takes a revision into force without a restart: a shorter live-chat service level breaches and overflows to phone', async () => {
    const { body: concept } = await regie.http.get('/v1/service-concept').set(auth(supervisor)).expect(200);
    concept.serviceLevels['live-chat'] = { targetWaitSeconds: 1, targetShare: 0.8, overflowTo: 'phone' };
    const revised = await regie.http.put('/v1/service-concept').set(auth(supervisor)).set('If-Match', '"0"').send(concept).expect(200);
    expect(revised.body).toEqual({ name: 'gemeente-voorbeeld', revision: 1, changed: true });
    expect(revised.headers.etag).toBe('"1"');

    const decisions = openSse(`${regie.url}/v1/decisions/stream`, channel);
    expect(await decisions.status).toBe(200);
    try {
      // Nobody serves live chat: the case waits past its (new) service level, then overflows.
      await regie.http
        .post('/v1/interactions')
        .set(auth(channel))
        .send([
          interaction({ subject: 'cust-sla', type: 'contact.started' }, { channel: 'chatbot', contactId: 'chat-sla' }),
          interaction({ subject: 'cust-sla', type: 'handoff.requested' }, { channel: 'chatbot', contactId: 'chat-sla' }),
        ])
        .expect(202);
      const overflowed = await eventually(async () => {
        const { body } = await regie.http.get('/v1/cases').set(auth(supervisor)).expect(200);
        const found = body.items.find((item: { customerId: string }) => item.customerId === 'cust-sla');
        expect(found).toMatchObject({ status: 'queued', channel: 'phone', layer: 'assisted' });
        return found as { id: string };
      }, 15_000);
      await eventually(() =>
        expect(decisions.events.map((event) => event.type)).toEqual(expect.arrayContaining(['handoff.routed', 'service-level.breached'])),
      );

      // A phone agent coming available gets the overflowed case at once.
      const phoneAgent = await regie.token('agent-phone', 'agent');
      await regie.http
        .put('/v1/agents/me/presence')
        .set(auth(phoneAgent))
        .send({ status: 'available', channels: ['phone'], capacity: { phone: 1 } })
        .expect(200);
      await eventually(async () => {
        const { body } = await regie.http.get(`/v1/cases/${overflowed.id}`).set(auth(supervisor)).expect(200);
        expect(body).toMatchObject({ status: 'assigned', assignee: 'agent-phone', channel: 'phone' });
      });
    } finally {
      decisions.close();
    }
  });

  it('keeps the revision in force across a restart while the file is unchanged', async () => {
    const { dataDir } = regie;
    await regie.stop({ keepData: true });
    await start(dataDir);
    const response = await regie.http.get('/v1/service-concept').set(auth(supervisor)).expect(200);
    expect(response.headers.etag).toBe('"1"');
    expect(response.body.serviceLevels['live-chat'].targetWaitSeconds).toBe(1);
  });
});
