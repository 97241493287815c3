import { EVENT_STORE, type EventStore } from '@regie/event-store';
import { StreamHandler } from '@regie/eventsourcing/application';
import { journeyDecider, journeyStream, type JourneyCommand } from '@regie/journey';
import { eventually, interaction, openSse, startHarness, type RegieHarness } from '@regie/testing';

describe('Escalation up the service pyramid (embedded app over HTTP)', () => {
  let regie: RegieHarness;
  let channel: string;
  let supervisor: string;

  beforeAll(async () => {
    regie = await startHarness();
    channel = await regie.token('chatbot-platform', 'channel');
    supervisor = await regie.token('sup-1', 'supervisor');
  });
  afterAll(() => regie.stop());

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const post = (events: object) => regie.http.post('/v1/interactions').set(auth(channel)).send(events).expect(202);
  const presence = (token: string, body: object) => regie.http.put('/v1/agents/me/presence').set(auth(token)).send(body);
  const casesOf = async (customerId: string, query = '') => {
    const response = await regie.http.get(`/v1/cases${query}`).set(auth(supervisor)).expect(200);
    return (response.body.items as { customerId: string; id: string; status: string; assignee?: string; channel: string }[]).filter(
      (item) => item.customerId === customerId,
    );
  };
  const chatbot = (customerId: string, type: string, contactId = 'chat-1', data: object = {}) =>
    interaction({ subject: customerId, type }, { channel: 'chatbot', contactId, ...data });

  it('lifts a chatbot contact with two fallbacks into exactly one live-chat case, routed to the available agent with the story', async () => {
    const agent = await regie.token('agent-anna', 'agent');
    await presence(agent, { status: 'available', channels: ['live-chat'], capacity: { 'live-chat': 2 } }).expect(200);
    const stream = openSse(`${regie.url}/v1/cases/stream`, agent);
    expect(await stream.status).toBe(200);
    try {
      await post([
        chatbot('cust-esc', 'contact.started', 'chat-1', { topic: 'parking permit' }),
        chatbot('cust-esc', 'bot.fallback'),
        chatbot('cust-esc', 'bot.fallback'),
      ]);

      const [opened] = await eventually(async () => {
        const cases = await casesOf('cust-esc');
        expect(cases).toHaveLength(1);
        expect(cases[0]).toMatchObject({ status: 'assigned', assignee: 'agent-anna' });
        return cases;
      });
      const detail = await regie.http.get(`/v1/cases/${opened.id}`).set(auth(agent)).expect(200);
      expect(detail.body).toMatchObject({
        customerId: 'cust-esc',
        channel: 'live-chat',
        layer: 'assisted',
        trigger: 'bot-fallbacks',
        reason: expect.any(String),
        context: { channelsTouched: ['chatbot'], topic: 'parking permit', botFailures: 2, fromChannel: 'chatbot', fromContactId: 'chat-1' },
      });
      await eventually(() =>
        expect(stream.events.map((event) => [event.type, (event.data as { id: string }).id])).toEqual([['case.assigned', opened.id]]),
      );

      // A third fallback in the same contact opens no second case. A marker customer's escalation,
      // recorded after it, shows the escalation process has got past the third fallback.
      await post(chatbot('cust-esc', 'bot.fallback'));
      await post(chatbot('cust-esc-marker', 'handoff.requested', 'chat-m'));
      await eventually(async () => expect(await casesOf('cust-esc-marker')).toHaveLength(1));
      expect(await casesOf('cust-esc')).toHaveLength(1);

      await regie.http.post(`/v1/cases/${opened.id}/resolve`).set(auth(agent)).send({ outcome: 'resolved' }).expect(200);
      await eventually(async () => expect((await casesOf('cust-esc'))[0].status).toBe('resolved'));
    } finally {
      stream.close();
    }
  });

  it('keeps a case queued while no agent is available, and assigns it the moment one is', async () => {
    const anna = await regie.token('agent-anna', 'agent');
    await presence(anna, { status: 'away', channels: ['live-chat'], capacity: { 'live-chat': 2 } }).expect(200);
    await post(chatbot('cust-wait', 'handoff.requested', 'chat-w'));
    await eventually(async () => expect(await casesOf('cust-wait')).toMatchObject([{ status: 'queued', channel: 'live-chat' }]));
    const [waiting] = await casesOf('cust-wait');
    const concept = (await regie.http.get('/v1/service-concept').set(auth(supervisor)).expect(200)).body as {
      channels: { id: string }[];
      serviceLevels: Record<string, { targetWaitSeconds: number }>;
    };
    const queues = (await regie.http.get('/v1/queues').set(auth(anna)).expect(200)).body.items as { channel: string }[];
    expect(queues.map((queue) => queue.channel)).toEqual(concept.channels.map((known) => known.id));
    expect(queues.find((queue) => queue.channel === 'live-chat')).toMatchObject({
      layer: 'assisted',
      waiting: 1,
      breached: 0,
      oldestOpenedAt: (await regie.http.get(`/v1/cases/${waiting.id}`).set(auth(anna)).expect(200)).body.openedAt,
      targetWaitSeconds: concept.serviceLevels['live-chat'].targetWaitSeconds,
    });

    const ben = await regie.token('agent-ben', 'agent');
    await presence(ben, { status: 'available', channels: ['live-chat'], capacity: { 'live-chat': 1 } }).expect(200);
    await eventually(async () => expect(await casesOf('cust-wait')).toMatchObject([{ status: 'assigned', assignee: 'agent-ben' }]));
    const after = (await regie.http.get('/v1/queues').set(auth(supervisor)).expect(200)).body.items as { channel: string }[];
    expect(after.find((queue) => queue.channel === 'live-chat')).toMatchObject({ waiting: 0, breached: 0 });
    await regie.http.get('/v1/queues').set(auth(channel)).expect(403);
  });

  it('never gives an agent more cases than their capacity, also when escalations arrive at once', async () => {
    const carl = await regie.token('agent-carl', 'agent');
    const escalate = (n: number) =>
      interaction(
        { subject: `cust-burst-${n}`, type: 'video.requested', source: 'urn:regie:test:phone' },
        { channel: 'phone', contactId: `call-${n}` },
      );
    await presence(carl, { status: 'available', channels: ['video'], capacity: { video: 2 } }).expect(200);
    await Promise.all(Array.from({ length: 8 }, (_, n) => post(escalate(n))));
    await eventually(async () => {
      const all = (await regie.http.get('/v1/cases?channel=video').set(auth(supervisor)).expect(200)).body.items as {
        customerId: string;
        status: string;
        assignee?: string;
      }[];
      const burst = all.filter((item) => item.customerId.startsWith('cust-burst-'));
      expect(burst).toHaveLength(8);
      expect(burst.filter((item) => item.status === 'assigned')).toHaveLength(2);
    });
    const held = ((await regie.http.get('/v1/cases?status=assigned').set(auth(supervisor))).body.items as { assignee?: string }[]).filter(
      (item) => item.assignee === 'agent-carl',
    );
    expect(held).toHaveLength(2);
  });

  it('folds a stream written again after an erasure elsewhere on the new run only, not on the state this instance kept of the old one', async () => {
    // One fallback in chat-9: this instance records it and keeps the journey folded up to it.
    await post([chatbot('cust-rerun', 'contact.started', 'chat-9'), chatbot('cust-rerun', 'bot.fallback', 'chat-9')]);
    const store = regie.app.get<EventStore>(EVENT_STORE);
    const [, lastOfOldRun] = await eventually(async () => {
      const events = await store.readStream(journeyStream('cust-rerun'));
      expect(events).toHaveLength(2);
      return events;
    });
    // Another instance erases the stream (this one is not told) and records a fallback in chat-9 on the empty
    // stream: its revision follows the erased run's last, whose state this instance still keeps.
    await store.deleteStream(journeyStream('cust-rerun'));
    const elsewhere = new StreamHandler(store, journeyStream, journeyDecider);
    const fallback: JourneyCommand = {
      type: 'RecordInteraction',
      data: {
        observed: {
          type: 'BotFallbackOccurred',
          data: {
            customerId: 'cust-rerun',
            contactId: 'chat-9',
            channel: 'chatbot',
            layer: 'self-service',
            occurredAt: new Date().toISOString(),
          },
        },
      },
    };
    await elsewhere.handle('cust-rerun', fallback, {
      causationId: 'spec',
      correlationId: 'spec',
      actor: 'spec',
      idempotencyKey: 'spec#rerun',
    });
    expect((await store.readStream(journeyStream('cust-rerun')))[0]).toMatchObject({ revision: lastOfOldRun!.revision + 1 });

    // The new run holds one fallback: no case. Folded onto the old run's state it would be the second.
    // A marker customer's escalation, recorded after it, shows the process has got past it. An agent takes the
    // marker's case and resolves it: no case of this test is left queued, or taking an agent's capacity.
    const agent = await regie.token('agent-rerun', 'agent');
    await presence(agent, { status: 'available', channels: ['live-chat'], capacity: { 'live-chat': 5 } }).expect(200);
    await post(chatbot('cust-rerun-marker', 'handoff.requested', 'chat-m9'));
    const [marker] = await eventually(async () => {
      const cases = await casesOf('cust-rerun-marker');
      expect(cases).toMatchObject([{ status: 'assigned' }]);
      return cases;
    });
    expect(await casesOf('cust-rerun')).toEqual([]);
    const assignee = await regie.token(marker!.assignee!, 'agent');
    await regie.http.post(`/v1/cases/${marker!.id}/resolve`).set(auth(assignee)).send({ outcome: 'resolved' }).expect(200);
    await presence(agent, { status: 'away', channels: ['live-chat'], capacity: { 'live-chat': 5 } }).expect(200);
  });

  it('refuses what an agent may not do', async () => {
    const dora = await regie.token('agent-dora', 'agent');
    const eve = await regie.token('agent-eve', 'agent');
    await presence(dora, { status: 'available', channels: ['live-chat'], capacity: { 'live-chat': 1 } }).expect(200);
    await post(chatbot('cust-refuse', 'sentiment.observed', 'chat-r', { score: -0.8 }));
    const [taken] = await eventually(async () => {
      const cases = await casesOf('cust-refuse');
      expect(cases[0]).toMatchObject({ status: 'assigned' });
      return cases;
    });
    const owner = taken.assignee === 'agent-dora' ? dora : await regie.token(taken.assignee!, 'agent');
    const resolveByOther = await regie.http.post(`/v1/cases/${taken.id}/resolve`).set(auth(eve)).send({ outcome: 'resolved' });
    expect(resolveByOther.status).toBe(403);
    expect(resolveByOther.body).toMatchObject({ rule: 'not-your-case' });
    expect((await regie.http.post(`/v1/cases/${taken.id}/escalate`).set(auth(eve)).send({ toChannel: 'video', reason: 'x' })).status).toBe(
      403,
    );
    const sideways = await regie.http.post(`/v1/cases/${taken.id}/escalate`).set(auth(owner)).send({ toChannel: 'phone', reason: 'x' });
    expect(sideways.status).toBe(422);
    expect(sideways.body).toMatchObject({ rule: 'escalation-must-go-up' });
    const badBody = await regie.http.post(`/v1/cases/${taken.id}/resolve`).set(auth(owner)).send({ outcome: 'maybe', extra: 1 });
    expect(badBody.status).toBe(400);
    expect(badBody.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['extra', 'outcome']);
    expect((await regie.http.post(`/v1/cases/${taken.id}/claim`).set(auth(eve))).status).toBe(409);
    expect((await regie.http.get('/v1/cases').set(auth(channel))).status).toBe(403);

    const up = await regie.http
      .post(`/v1/cases/${taken.id}/escalate`)
      .set(auth(owner))
      .send({ toChannel: 'video', reason: 'needs to show documents' })
      .expect(200);
    await eventually(async () => {
      const next = (await regie.http.get(`/v1/cases/${up.body.newCaseId}`).set(auth(supervisor)).expect(200)).body;
      expect(next).toMatchObject({ channel: 'video', layer: 'personal', escalatedFrom: taken.id, context: { earlierCases: [taken.id] } });
    });
  });
});
