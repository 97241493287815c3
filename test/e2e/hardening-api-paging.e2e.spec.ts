import { eventually, interaction, startHarness, type RegieHarness } from '@regie/testing';

jest.setTimeout(120_000);

const DAY = 24 * 3600 * 1000;
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Issue 11: the journey and every list page per DESIGN §3.3 ({items, nextCursor?}, limit ≤ 1000, opaque cursor). */
describe('API hardening: paging (issue 11)', () => {
  let regie: RegieHarness;
  let agent: string;
  let supervisor: string;
  let channel: string;

  beforeAll(async () => {
    regie = await startHarness({ env: { REGIE_DISPATCH_TICK_MS: '100' } });
    [agent, supervisor, channel] = await Promise.all([
      regie.token('agent-pages', 'agent'),
      regie.token('sup-pages', 'supervisor'),
      regie.token('platform-pages', 'channel'),
    ]);
  });
  afterAll(() => regie.stop());

  /** Every page of `path` (items under `field`), following nextCursor. */
  const allPages = async (path: string, field: 'items' | 'entries', limit: number) => {
    const pages: { items: { contactId?: string; id?: string; time?: string }[]; nextCursor?: string }[] = [];
    let cursor: string | undefined;
    do {
      const query = `limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const { body } = await regie.http
        .get(`${path}${path.includes('?') ? '&' : '?'}${query}`)
        .set(auth(supervisor))
        .expect(200);
      pages.push({ items: body[field], nextCursor: body.nextCursor });
      cursor = body.nextCursor;
    } while (cursor);
    return pages;
  };

  it('pages a journey of 5,000 distinct contacts of one customer, every entry once, oldest first', async () => {
    for (let batch = 0; batch < 10; batch += 1) {
      const events = Array.from({ length: 500 }, (_, n) =>
        interaction({ subject: 'cust-long', type: 'contact.started' }, { channel: 'web', contactId: `visit-${batch * 500 + n}` }),
      );
      await regie.http.post('/v1/interactions').set(auth(channel)).send(events).expect(202);
    }
    const first = await regie.http.get('/v1/customers/cust-long/journey').set(auth(agent)).expect(200);
    expect(first.body).toEqual({ customerId: 'cust-long', entries: expect.any(Array), nextCursor: expect.any(String) });
    expect(first.body.entries).toHaveLength(100);

    const pages = await allPages('/v1/customers/cust-long/journey', 'entries', 1000);
    expect(pages.map((page) => page.items.length)).toEqual([1000, 1000, 1000, 1000, 1000]);
    expect(pages.at(-1)!.nextCursor).toBeUndefined();
    const entries = pages.flatMap((page) => page.items);
    expect(new Set(entries.map((entry) => entry.contactId)).size).toBe(5000);
    const times = entries.map((entry) => entry.time!);
    expect(times).toEqual([...times].sort());
  });

  it('refuses a bad limit or cursor with 400 naming the field', async () => {
    const journey = (query: string) => regie.http.get(`/v1/customers/cust-long/journey?${query}`).set(auth(agent));
    for (const query of ['limit=0', 'limit=1001', 'limit=ten', 'limit=1&limit=2', 'limit=-5']) {
      expect((await journey(query).expect(400)).body.errors.map((error: { path: string }) => error.path)).toEqual(['limit']);
    }
    const { body } = await journey('limit=1').expect(200);
    await journey(`cursor=${body.nextCursor}`).expect(200);
    for (const cursor of ['not-a-cursor', 'e30', `${body.nextCursor}!`]) {
      expect((await journey(`cursor=${encodeURIComponent(cursor)}`).expect(400)).body.errors[0].path).toBe('cursor');
    }
    // A cursor belongs to its list: another customer's journey, or the case list, refuses it.
    await regie.http.get(`/v1/customers/cust-other/journey?cursor=${body.nextCursor}`).set(auth(agent)).expect(400);
    await regie.http.get(`/v1/cases?cursor=${body.nextCursor}`).set(auth(supervisor)).expect(400);
  });

  it('pages the cases', async () => {
    const customers = ['cust-p1', 'cust-p2', 'cust-p3', 'cust-p4', 'cust-p5'];
    await regie.http
      .post('/v1/interactions')
      .set(auth(channel))
      .send(
        customers.map((subject) =>
          interaction({ subject, type: 'handoff.requested' }, { channel: 'chatbot', contactId: `chat-${subject}` }),
        ),
      )
      .expect(202);
    await eventually(async () => {
      const { body } = await regie.http.get('/v1/cases?limit=1000').set(auth(supervisor)).expect(200);
      expect(body.items.filter((item: { customerId: string }) => customers.includes(item.customerId))).toHaveLength(5);
    });
    const pages = await allPages('/v1/cases', 'items', 2);
    expect(pages.map((page) => page.items.length)).toEqual([2, 2, 1]);
    expect(new Set(pages.flatMap((page) => page.items.map((item) => item.id))).size).toBe(5);
  });

  it('pages the aggression inbox and the exclusions', async () => {
    const report = async (customerId: string) =>
      (
        await regie.http
          .post('/v1/aggression-reports')
          .set(auth(agent))
          .send({ customerId, contactId: `video-${customerId}`, category: 'threat', description: 'Threatened the agent.' })
          .expect(201)
      ).body.id as string;
    const reports = [await report('cust-s1'), await report('cust-s2'), await report('cust-s3')];
    const inbox = await allPages('/v1/aggression-reports?status=open', 'items', 2);
    expect(inbox.map((page) => page.items.length)).toEqual([2, 1]);
    expect(inbox.flatMap((page) => page.items.map((item) => item.id)).sort()).toEqual([...reports].sort());

    for (const [index, customerId] of ['cust-s1', 'cust-s2'].entries()) {
      await regie.http
        .post('/v1/exclusions')
        .set(auth(supervisor))
        .send({
          customerId,
          endsAt: new Date(Date.now() + 30 * DAY).toISOString(),
          reason: 'Threats',
          reportIds: [reports[index]],
          alternatives: ['phone'],
        })
        .expect(201);
    }
    const exclusions = await allPages('/v1/exclusions', 'items', 1);
    expect(exclusions.map((page) => page.items.length)).toEqual([1, 1]);
    await regie.http.get(`/v1/exclusions?cursor=${inbox[0]!.nextCursor}`).set(auth(supervisor)).expect(400);
  });
});
