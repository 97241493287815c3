import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CHECKPOINT_STORE,
  EVENT_STORE,
  PROJECTION_STORE,
  type CheckpointStore,
  type EventStore,
  type ProjectionStore,
} from '@regie/event-store';
import { JOURNEY_STATE_KIND } from '@regie/journey';
import { LAST_CONTACTS, type LastContacts } from '@regie/privacy';
import { TestClock } from '@regie/eventsourcing/testing';
import { eventually, interaction, startChildApp, startHarness, TEST_SECRET, type ChildApp, type RegieHarness } from '@regie/testing';
import request from 'supertest';
import { createTestDatabase, type TestDatabase } from '../../libs/event-store/src/testing/postgres-test-database';

jest.setTimeout(120_000);

const ON_POSTGRES = process.env.REGIE_E2E_STORE === 'postgres';
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** What the test plants about a customer, so that it can look for every byte of it afterwards. */
const planted = (customerId: string) => ({
  customerId,
  topic: `topic-${customerId}-parking-permit`,
  description: `Planted description ${customerId}: raised voice, threatened the agent.`,
});

const sqliteFiles = (dataDir: string) =>
  ['regie.db', 'regie.db-wal', 'regie.db-shm'].map((name) => join(dataDir, name)).filter((file) => existsSync(file));
const bytesHold = (dataDir: string, needle: string) =>
  sqliteFiles(dataDir).some((file) => readFileSync(file).includes(Buffer.from(needle)));

/** The customer's story: a chatbot contact with a topic that escalates into a case, and an aggression report. */
const plant = async (
  http: ReturnType<typeof request>,
  tokens: { channel: string; agent: string },
  customer: ReturnType<typeof planted>,
) => {
  const chat = (type: string) =>
    interaction({ subject: customer.customerId, type }, { channel: 'chatbot', contactId: 'chat-77', topic: customer.topic });
  await http
    .post('/v1/interactions')
    .set(auth(tokens.channel))
    .send([chat('contact.started'), chat('bot.fallback'), chat('bot.fallback')])
    .expect(202);
  await http
    .post('/v1/aggression-reports')
    .set(auth(tokens.agent))
    .send({ customerId: customer.customerId, contactId: 'video-77', category: 'threat', description: customer.description })
    .expect(201);
};

const casesOf = async (http: ReturnType<typeof request>, token: string, customerId: string) => {
  const { body } = await http.get('/v1/cases?limit=500').set(auth(token)).expect(200);
  return (body.items as { customerId: string; context: { topic?: string } }[]).filter((item) => item.customerId === customerId);
};

const auditOf = async (regie: RegieHarness) =>
  (await regie.app.get<EventStore>(EVENT_STORE).readStream('audit-erasures')).map((event) => event);

describe('Erasing a customer on request (GDPR art. 17), embedded app over HTTP', () => {
  let regie: RegieHarness;
  let supervisor: string;
  let agent: string;
  let channel: string;

  beforeAll(async () => {
    regie = await startHarness({ env: { REGIE_DISPATCH_TICK_MS: '100', REGIE_SAFETY_TICK_MS: '200' } });
    supervisor = await regie.token('sup-sara', 'supervisor');
    agent = await regie.token('agent-anna', 'agent');
    channel = await regie.token('chatbot-platform', 'channel');
  });
  afterAll(() => regie.stop());

  it('erases journey, cases, safety records and read-model rows, leaves an audit event without the customer, and the bytes leave the SQLite files', async () => {
    const gone = planted('cust-erase-5f2a9c');
    const kept = planted('cust-keep-71d3e0');
    for (const customer of [gone, kept]) await plant(regie.http, { channel, agent }, customer);
    for (const customer of [gone, kept])
      await eventually(async () => expect(await casesOf(regie.http, supervisor, customer.customerId)).toHaveLength(1));
    if (!ON_POSTGRES)
      for (const needle of [gone.customerId, gone.topic, gone.description])
        expect({ needle, held: bytesHold(regie.dataDir, needle) }).toEqual({ needle, held: true });

    const accepted = await regie.http.delete(`/v1/customers/${gone.customerId}`).set(auth(supervisor)).expect(202);
    expect(accepted.headers.location).toMatch(/^\/v1\/erasures\/[0-9a-f-]{36}$/);
    expect(accepted.body).toMatchObject({ id: expect.any(String), status: 'pending', reason: 'request' });
    expect(JSON.stringify(accepted.body)).not.toContain(gone.customerId);

    const completed = await eventually(async () => {
      const { body } = await regie.http.get(accepted.headers.location!).set(auth(supervisor)).expect(200);
      expect(body).toMatchObject({ id: accepted.body.id, status: 'completed', reason: 'request', erasedAt: expect.any(String) });
      return body;
    });
    expect(JSON.stringify(completed)).not.toContain(gone.customerId);

    const journey = await regie.http.get(`/v1/customers/${gone.customerId}/journey`).set(auth(supervisor)).expect(200);
    expect(journey.body.entries).toEqual([]);
    expect(await casesOf(regie.http, supervisor, gone.customerId)).toEqual([]);
    const reports = await regie.http.get(`/v1/aggression-reports?customerId=${gone.customerId}`).set(auth(supervisor)).expect(200);
    expect(reports.body.items).toEqual([]);
    const history = await regie.http.get(`/v1/customers/${gone.customerId}/safety-history`).set(auth(supervisor)).expect(200);
    expect(history.body.items).toEqual([]);
    // The other customer keeps everything.
    expect(await casesOf(regie.http, supervisor, kept.customerId)).toEqual([
      expect.objectContaining({ context: expect.objectContaining({ topic: kept.topic }) }),
    ]);
    expect((await regie.http.get(`/v1/customers/${kept.customerId}/journey`).set(auth(supervisor)).expect(200)).body.entries).toHaveLength(
      3,
    );

    const audit = await auditOf(regie);
    expect(audit.map((event) => [event.type, event.metadata.actor, event.data])).toEqual([
      ['CustomerErased', 'sup-sara', expect.objectContaining({ erasureId: accepted.body.id, requestedBy: 'sup-sara', reason: 'request' })],
    ]);
    expect(JSON.stringify(audit)).not.toContain(gone.customerId);
    const store = regie.app.get<EventStore>(EVENT_STORE);
    expect(JSON.stringify(await store.readAll())).not.toContain(gone.customerId);

    if (!ON_POSTGRES) {
      for (const needle of [gone.customerId, gone.topic, gone.description])
        expect({ needle, held: bytesHold(regie.dataDir, needle) }).toEqual({ needle, held: false });
      expect(bytesHold(regie.dataDir, kept.description)).toBe(true);
    }
  });

  it('answers 202 for a customer it does not know (it tells nobody who is known), and the erasure completes', async () => {
    const accepted = await regie.http.delete('/v1/customers/cust-never-seen').set(auth(supervisor)).expect(202);
    await eventually(async () => {
      const { body } = await regie.http.get(accepted.headers.location!).set(auth(supervisor)).expect(200);
      expect(body.status).toBe('completed');
    });
  });

  it('refuses a malformed customer id with problem+json, other roles with 403, and knows no erasure it never recorded', async () => {
    const bad = await regie.http.delete('/v1/customers/not%20an%20id').set(auth(supervisor)).expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'id' })]);
    await regie.http.delete('/v1/customers/cust-1').set(auth(agent)).expect(403);
    await regie.http.delete('/v1/customers/cust-1').expect(401);
    await regie.http.get('/v1/erasures/00000000-0000-4000-8000-000000000000').set(auth(supervisor)).expect(404);
    await regie.http.get('/v1/erasures/nope').set(auth(supervisor)).expect(400);
  });
});

describe('Erasure across a crash', () => {
  let dataDir: string;
  let database: TestDatabase | undefined;
  let env: NodeJS.ProcessEnv;
  let child: ChildApp | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'regie-erasure-crash-'));
    database = ON_POSTGRES ? await createTestDatabase() : undefined;
    env = {
      REGIE_PORT: '0',
      REGIE_DATA_DIR: dataDir,
      REGIE_JWT_SECRET: TEST_SECRET,
      REGIE_DISPATCH_TICK_MS: '100',
      ...(database && { REGIE_STORE: 'postgres', REGIE_POSTGRES_URL: database.url }),
    };
  });
  afterAll(async () => {
    await child?.kill();
    await database?.drop();
  });

  it('finishes erasures recorded before no instance led, and one whose app was killed at once, after the restart', async () => {
    let regie = await startHarness({ dataDir, env });
    const supervisor = await regie.token('sup-sara', 'supervisor');
    const tokens = { channel: await regie.token('chatbot-platform', 'channel'), agent: await regie.token('agent-anna', 'agent') };
    const first = planted('cust-crash-a81b');
    const second = planted('cust-crash-b92c');
    for (const customer of [first, second]) await plant(regie.http, tokens, customer);
    for (const customer of [first, second])
      await eventually(async () => expect(await casesOf(regie.http, supervisor, customer.customerId)).toHaveLength(1));
    await regie.stop({ keepData: true });

    // Only the desk runs: the request is recorded, nothing carries it out, and the app dies.
    child = await startChildApp(['desk'], env);
    const pending = await request(child.url).delete(`/v1/customers/${first.customerId}`).set(auth(supervisor)).expect(202);
    expect((await request(child.url).get(pending.headers.location!).set(auth(supervisor)).expect(200)).body.status).toBe('pending');
    await child.kill();

    // Every role runs, and is killed as soon as the request is accepted: wherever the erasure stood.
    child = await startChildApp(['gateway', 'orchestrator', 'desk'], env);
    const killed = await request(child.url).delete(`/v1/customers/${second.customerId}`).set(auth(supervisor)).expect(202);
    await child.kill();
    child = undefined;

    regie = await startHarness({ dataDir, env });
    try {
      for (const location of [pending.headers.location!, killed.headers.location!]) {
        await eventually(async () =>
          expect((await regie.http.get(location).set(auth(supervisor)).expect(200)).body.status).toBe('completed'),
        );
      }
      for (const customer of [first, second]) {
        expect(await casesOf(regie.http, supervisor, customer.customerId)).toEqual([]);
        expect(
          (await regie.http.get(`/v1/customers/${customer.customerId}/journey`).set(auth(supervisor)).expect(200)).body.entries,
        ).toEqual([]);
      }
      const audit = await auditOf(regie);
      expect(audit.map((event) => (event.data as { erasureId: string }).erasureId).sort()).toEqual(
        [pending.body.id, killed.body.id].sort(),
      );
      const everything = JSON.stringify(await regie.app.get<EventStore>(EVENT_STORE).readAll());
      for (const customer of [first, second]) expect(everything).not.toContain(customer.customerId);
      if (!ON_POSTGRES) for (const customer of [first, second]) expect(bytesHold(dataDir, customer.customerId)).toBe(false);
    } finally {
      await regie.stop();
    }
  });
});

describe('Journey retention (concept retention.journeyDays), driven by the clock', () => {
  const DAY = 86_400_000;
  const clock = new TestClock(new Date('2026-06-01T09:00:00.000Z'));
  let regie: RegieHarness;

  beforeAll(async () => {
    regie = await startHarness({ clock, env: { REGIE_SAFETY_TICK_MS: '100' } });
  });
  afterAll(() => regie.stop());

  const contact = (customerId: string, daysAgo: number) =>
    interaction(
      { subject: customerId, type: 'contact.started', time: new Date(clock.now().getTime() - daysAgo * DAY).toISOString() },
      { channel: 'chatbot', contactId: `chat-${customerId}` },
    );

  it('erases a customer once journeyDays have passed since their last contact, through the same erasure, and keeps the others', async () => {
    const supervisor = await regie.token('sup-sara', 'supervisor');
    const channel = await regie.token('chatbot-platform', 'channel');
    const { body: concept, headers } = await regie.http.get('/v1/service-concept').set(auth(supervisor)).expect(200);
    concept.retention = { journeyDays: 30 };
    await regie.http.put('/v1/service-concept').set(auth(supervisor)).set('If-Match', headers.etag).send(concept).expect(200);

    await regie.http
      .post('/v1/interactions')
      .set(auth(channel))
      .send([contact('cust-old', 29), contact('cust-recent', 1)])
      .expect(202);
    const entries = async (customerId: string) =>
      (await regie.http.get(`/v1/customers/${customerId}/journey`).set(auth(supervisor)).expect(200)).body.entries as unknown[];
    await eventually(async () => expect(await entries('cust-recent')).toHaveLength(1));
    expect(await entries('cust-old')).toHaveLength(1);

    clock.advance(2 * DAY);
    await eventually(async () => expect(await entries('cust-old')).toEqual([]));
    expect(await entries('cust-recent')).toHaveLength(1);
    await eventually(async () =>
      expect((await auditOf(regie)).map((event) => [event.metadata.actor, (event.data as { reason: string }).reason])).toEqual([
        ['system', 'retention'],
      ]),
    );
    expect(JSON.stringify(await auditOf(regie))).not.toContain('cust-old');
  });

  it('follows on after a restart from the last contacts it kept, and keeps none of an erased customer', async () => {
    const supervisor = await regie.token('sup-sara', 'supervisor');
    const channel = await regie.token('chatbot-platform', 'channel');
    await regie.http
      .post('/v1/interactions')
      .set(auth(channel))
      .send([contact('cust-before-restart', 29)])
      .expect(202);
    const entries = async (harness: RegieHarness, customerId: string) =>
      (await harness.http.get(`/v1/customers/${customerId}/journey`).set(auth(supervisor)).expect(200)).body.entries as unknown[];
    await eventually(async () => expect(await entries(regie, 'cust-before-restart')).toHaveLength(1));
    const recorded = (await regie.app.get<EventStore>(EVENT_STORE).readStream('journey-cust-before-restart'))[0]!.position;
    await regie.stop({ keepData: true });

    regie = await startHarness({ clock, dataDir: regie.dataDir, env: { REGIE_SAFETY_TICK_MS: '100' } });
    // Kept in a table with the position they reflect (written when the app stopped), not in one saved state.
    expect(await regie.app.get<CheckpointStore>(CHECKPOINT_STORE).load('journey-retention')).toBeGreaterThanOrEqual(recorded);
    expect(await regie.app.get<ProjectionStore>(PROJECTION_STORE).load('journey-retention')).toBeUndefined();
    const lastContacts = regie.app.get<LastContacts>(LAST_CONTACTS);
    const kept = async () => (await lastContacts.dueBy(Number.MAX_SAFE_INTEGER, 100)).map(([, customerId]) => customerId);
    expect(await kept()).toEqual(expect.arrayContaining(['cust-before-restart', 'cust-recent']));
    expect(await kept()).not.toContain('cust-old');
    clock.advance(2 * DAY);
    await eventually(async () => expect(await entries(regie, 'cust-before-restart')).toEqual([]));
    await eventually(async () => expect(await kept()).not.toContain('cust-before-restart'));
    expect(await entries(regie, 'cust-recent')).toHaveLength(1);
    expect(await kept()).toContain('cust-recent');
  });
});

describe('Erasing a customer whose journey was let go from memory (a snapshot of it kept in the store)', () => {
  let regie: RegieHarness;
  beforeAll(async () => {
    regie = await startHarness({ env: { REGIE_JOURNEY_CACHE: '100' } });
  });
  afterAll(() => regie.stop());

  it('keeps the journey as a snapshot once 100 other customers pushed it out, decides the return on it, and erases it with the stream', async () => {
    const [supervisor, channel] = [await regie.token('sup-sara', 'supervisor'), await regie.token('web-platform', 'channel')];
    const gone = planted('cust-snap-4e81b0');
    const chat = (customerId: string, type: string) =>
      interaction({ subject: customerId, type }, { channel: 'chatbot', contactId: 'chat-9', topic: `topic-${customerId}` });
    await regie.http
      .post('/v1/interactions')
      .set(auth(channel))
      .send([chat(gone.customerId, 'contact.started')])
      .expect(202);
    const others = Array.from({ length: 150 }, (_, index) => chat(`cust-other-${index}`, 'contact.started'));
    await regie.http.post('/v1/interactions').set(auth(channel)).send(others).expect(202);

    const store = regie.app.get<EventStore>(EVENT_STORE);
    const stream = `journey-${gone.customerId}`;
    await eventually(async () => expect(await store.readSnapshot!(stream)).toMatchObject({ revision: 0, kind: JOURNEY_STATE_KIND }));
    if (!ON_POSTGRES) expect(bytesHold(regie.dataDir, `topic-${gone.customerId}`)).toBe(true);
    // Decided on the journey as kept: the contact it knows ends, once.
    const ended = interaction(
      { subject: gone.customerId, type: 'contact.ended' },
      { channel: 'chatbot', contactId: 'chat-9', outcome: 'resolved' },
    );
    await regie.http
      .post('/v1/interactions')
      .set(auth(channel))
      .send([ended, { ...ended, id: `${ended.id}-again` }])
      .expect(202);
    const journey = async () =>
      (await regie.http.get(`/v1/customers/${gone.customerId}/journey`).set(auth(supervisor)).expect(200)).body.entries as {
        type: string;
      }[];
    expect((await journey()).map(({ type }) => type)).toEqual(['contact.started', 'contact.ended']);

    const accepted = await regie.http.delete(`/v1/customers/${gone.customerId}`).set(auth(supervisor)).expect(202);
    await eventually(async () => {
      const { body } = await regie.http.get(accepted.headers.location!).set(auth(supervisor)).expect(200);
      expect(body).toMatchObject({ status: 'completed' });
    });
    expect(await journey()).toEqual([]);
    expect(await store.readSnapshot!(stream)).toBeUndefined();
    if (!ON_POSTGRES) expect(bytesHold(regie.dataDir, `topic-${gone.customerId}`)).toBe(false);
  });
});
