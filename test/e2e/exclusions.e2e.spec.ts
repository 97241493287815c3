import { TestClock } from '@regie/eventsourcing/testing';
import { eventually, interaction, openSse, startHarness, type RegieHarness, type SseConnection } from '@regie/testing';

jest.setTimeout(60_000);

const DAY = 24 * 60 * 60 * 1000;
// Exclusions end and records expire by this clock: the test moves it instead of waiting.
const clock = new TestClock();
const inDays = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString();

/** Aggression reports and video exclusions, end to end over HTTP on the all-in-one app. */
describe('Aggression reports and video-call exclusions (embedded app over HTTP)', () => {
  let regie: RegieHarness;
  let agent: string;
  let supervisor: string;
  let channel: string;
  let decisions: SseConnection;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const start = async (dataDir?: string) => {
    regie = await startHarness({ ...(dataDir && { dataDir }), clock, env: { REGIE_DISPATCH_TICK_MS: '100', REGIE_SAFETY_TICK_MS: '200' } });
    agent = await regie.token('agent-anna', 'agent');
    supervisor = await regie.token('sup-sara', 'supervisor');
    channel = await regie.token('video-platform', 'channel');
    decisions = openSse(`${regie.url}/v1/decisions/stream`, channel);
    expect(await decisions.status).toBe(200);
  };
  const stop = async (options?: { keepData?: boolean }) => {
    decisions.close();
    await regie.stop(options);
  };
  const report = (customerId: string, token = agent) =>
    regie.http
      .post('/v1/aggression-reports')
      .set(auth(token))
      .send({
        customerId,
        contactId: `video-${customerId}`,
        category: 'threat',
        description: 'Raised voice and threatened the agent twice.',
      });
  const exclude = (body: object, token = supervisor) => regie.http.post('/v1/exclusions').set(auth(token)).send(body);
  const eligibility = (customerId: string) =>
    regie.http.get(`/v1/customers/${customerId}/eligibility?channel=video`).set(auth(channel)).expect(200);
  const post = (events: object) => regie.http.post('/v1/interactions').set(auth(channel)).send(events).expect(202);
  const casesOf = async (customerId: string) => {
    const { body } = await regie.http.get('/v1/cases').set(auth(supervisor)).expect(200);
    return (body.items as { customerId: string; channel: string; status: string }[]).filter((item) => item.customerId === customerId);
  };

  beforeAll(() => start());
  afterAll(() => stop());

  it('excludes video on a report, denies video with the alternative, keeps live chat open, and lifting restores video', async () => {
    const reported = await report('cust-x').expect(201);
    expect(reported.body).toMatchObject({ id: expect.stringMatching(/^rep-/), status: 'open' });
    const inbox = await regie.http.get('/v1/aggression-reports?status=open').set(auth(supervisor)).expect(200);
    expect(inbox.body.items).toEqual([
      expect.objectContaining({
        id: reported.body.id,
        customerId: 'cust-x',
        category: 'threat',
        reportedBy: 'agent-anna',
        description: expect.any(String),
      }),
    ]);

    const excluded = await exclude({
      customerId: 'cust-x',
      channels: ['video'],
      endsAt: inDays(90),
      reason: 'Threats during a video call',
      reportIds: [reported.body.id],
      alternatives: ['phone'],
    }).expect(201);
    expect(excluded.body).toMatchObject({
      id: expect.stringMatching(/^exc-/),
      status: 'in-force',
      channels: ['video'],
      alternatives: ['phone'],
    });
    await eventually(() =>
      expect(decisions.events).toContainEqual(
        expect.objectContaining({
          type: 'notice.required',
          data: expect.objectContaining({
            subject: 'cust-x',
            data: expect.objectContaining({ exclusionId: excluded.body.id, objection: expect.any(Object) }),
          }),
        }),
      ),
    );
    expect((await eligibility('cust-x')).body).toEqual({
      channel: 'video',
      allowed: false,
      reason: 'Threats during a video call',
      alternatives: ['phone'],
      endsAt: expect.any(String),
    });

    // Asking for video is denied with phone, and the customer is routed to phone instead.
    await post([
      interaction({ subject: 'cust-x', type: 'contact.started' }, { channel: 'web', contactId: 'web-x' }),
      interaction({ subject: 'cust-x', type: 'video.requested' }, { channel: 'web', contactId: 'web-x' }),
    ]);
    await eventually(() =>
      expect(decisions.events).toContainEqual(
        expect.objectContaining({
          type: 'video.denied',
          data: expect.objectContaining({
            subject: 'cust-x',
            data: expect.objectContaining({ channel: 'video', alternatives: ['phone'] }),
          }),
        }),
      ),
    );
    await eventually(async () => expect((await casesOf('cust-x')).map((kase) => kase.channel)).toEqual(['phone']));

    // Live chat is not excluded: a chatbot escalation still gets there.
    await post([
      interaction({ subject: 'cust-x', type: 'contact.started' }, { channel: 'chatbot', contactId: 'chat-x' }),
      interaction({ subject: 'cust-x', type: 'handoff.requested' }, { channel: 'chatbot', contactId: 'chat-x' }),
    ]);
    await eventually(async () => expect((await casesOf('cust-x')).map((kase) => kase.channel).sort()).toEqual(['live-chat', 'phone']));

    const other = await regie.token('sup-piet', 'supervisor');
    await regie.http.post(`/v1/exclusions/${excluded.body.id}/lift`).set(auth(other)).send({ reason: 'Apology received' }).expect(200);
    expect((await eligibility('cust-x')).body).toEqual({ channel: 'video', allowed: true });
    const listed = await regie.http
      .get('/v1/exclusions?customerId=cust-x')
      .set(auth(await regie.token('aud-1', 'auditor')))
      .expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: excluded.body.id, status: 'lifted', inForce: false })]);
    const history = await regie.http
      .get('/v1/customers/cust-x/safety-history')
      .set(auth(await regie.token('aud-1', 'auditor')))
      .expect(200);
    expect(history.body.items.map((item: { type: string; actor: string }) => [item.type, item.actor])).toEqual([
      ['AggressionReported', 'agent-anna'],
      ['ExclusionRegistered', 'sup-sara'],
      ['ExclusionLifted', 'sup-piet'],
    ]);
  });

  it('refuses each rule with a problem naming it', async () => {
    const rule = async (call: Promise<{ status: number; body: { rule?: string } }>, status: number, name: string) => {
      const response = await call;
      expect([response.status, response.body.rule]).toEqual([status, name]);
    };
    await report('cust-r', channel).expect(403);
    await report('cust-r', supervisor).expect(403);
    const { body: open } = await report('cust-r').expect(201);
    const valid = {
      customerId: 'cust-r',
      channels: ['video'],
      endsAt: inDays(30),
      reason: 'Threats',
      reportIds: [open.id],
      alternatives: ['phone'],
    };
    await exclude(valid, agent).expect(403);

    const both = await regie.token('lead-lex', 'agent', 'supervisor');
    const { body: own } = await report('cust-r', both).expect(201);
    await rule(exclude({ ...valid, reportIds: [own.id] }, both), 403, 'four-eyes');
    await rule(regie.http.post(`/v1/aggression-reports/${own.id}/dismiss`).set(auth(both)).send({ reason: 'mine' }), 403, 'four-eyes');
    await rule(exclude({ ...valid, customerId: 'cust-nobody', reportIds: ['rep-none'] }), 422, 'unknown-report');
    await rule(exclude({ ...valid, endsAt: inDays(-1) }), 422, 'end-in-past');
    await rule(exclude({ ...valid, endsAt: inDays(400) }), 422, 'end-beyond-maximum');
    await rule(exclude({ ...valid, alternatives: ['video'] }), 422, 'alternative-excluded');

    const invalid = await exclude({ customerId: 'cust-r', endsAt: 'soon', reportIds: [], alternatives: ['fax'] }).expect(400);
    expect([...new Set(invalid.body.errors.map((error: { path: string }) => error.path))].sort()).toEqual([
      'endsAt',
      'reason',
      'reportIds',
    ]);
    const unknownChannel = await exclude({ ...valid, alternatives: ['fax'] }).expect(400);
    expect(unknownChannel.body.errors).toEqual([{ path: 'alternatives[0]', message: '"fax" is not a channel of the service concept' }]);
    await regie.http.post('/v1/exclusions/exc-missing/lift').set(auth(supervisor)).send({ reason: 'x' }).expect(404);

    await regie.http.post(`/v1/aggression-reports/${open.id}/warn`).set(auth(supervisor)).send({ reason: 'First warning' }).expect(200);
    await rule(
      regie.http.post(`/v1/aggression-reports/${open.id}/dismiss`).set(auth(supervisor)).send({ reason: 'late' }),
      409,
      'report-not-open',
    );
    await rule(exclude(valid), 422, 'no-open-report');
  });

  it('stops applying an exclusion once its end has passed, records the expiry, also after a restart', async () => {
    const { body: reported } = await report('cust-e').expect(201);
    const endsAt = new Date(clock.now().getTime() + 1_500).toISOString();
    const { body: excluded } = await exclude({
      customerId: 'cust-e',
      endsAt,
      reason: 'Short exclusion',
      reportIds: [reported.id],
      alternatives: ['counter'],
    }).expect(201);
    expect(excluded.channels).toEqual(['video']);
    expect((await eligibility('cust-e')).body.allowed).toBe(false);

    const { dataDir } = regie;
    await stop({ keepData: true });
    clock.advance(1_600);
    await start(dataDir);
    expect((await eligibility('cust-e')).body).toEqual({ channel: 'video', allowed: true });
    await eventually(async () => {
      const { body } = await regie.http.get('/v1/exclusions?customerId=cust-e').set(auth(supervisor)).expect(200);
      expect(body.items).toEqual([expect.objectContaining({ id: excluded.id, status: 'expired', inForce: false })]);
    });
    const history = await regie.http.get('/v1/customers/cust-e/safety-history').set(auth(supervisor)).expect(200);
    expect(history.body.items.at(-1)).toMatchObject({ type: 'ExclusionExpired', actor: 'system' });
  });

  it('erases a customer’s safety records once the retention period after the end has passed', async () => {
    const { body: concept, headers } = await regie.http.get('/v1/service-concept').set(auth(supervisor)).expect(200);
    concept.safety.retentionDays = 0;
    await regie.http.put('/v1/service-concept').set(auth(supervisor)).set('If-Match', headers.etag).send(concept).expect(200);
    const { body: reported } = await report('cust-gdpr').expect(201);
    const { body: excluded } = await exclude({
      customerId: 'cust-gdpr',
      endsAt: inDays(10),
      reason: 'Threats',
      reportIds: [reported.id],
      alternatives: ['phone'],
    }).expect(201);
    const history = () => regie.http.get('/v1/customers/cust-gdpr/safety-history').set(auth(supervisor)).expect(200);
    expect((await history()).body.items).toHaveLength(2);

    await regie.http.post(`/v1/exclusions/${excluded.id}/lift`).set(auth(supervisor)).send({ reason: 'Ended early' }).expect(200);
    await eventually(async () => expect((await history()).body.items).toEqual([]));
    const { body } = await regie.http.get('/v1/exclusions?customerId=cust-gdpr').set(auth(supervisor)).expect(200);
    expect(body.items).toEqual([]);
    const inbox = await regie.http.get('/v1/aggression-reports?customerId=cust-gdpr').set(auth(supervisor)).expect(200);
    expect(inbox.body.items).toEqual([]);
  });
});
