import { eventually, interaction, startHarness, type RegieHarness } from '@regie/testing';

jest.setTimeout(30_000);

interface CaseItem {
  readonly id: string;
  readonly customerId: string;
  readonly status: string;
  readonly context: { readonly earlierCases: readonly string[] };
}

/**
 * The case board holds open work; closed cases live in the archive beside the store. After a restart the
 * board starts from its saved state: what was open is open, what was closed is found, listed and paged.
 */
describe('Case history: closed cases in the archive, open ones on the board, across a restart', () => {
  let regie: RegieHarness | undefined;
  afterEach(async () => regie?.stop());

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const chatbot = (customerId: string, type: string, contactId: string) =>
    interaction({ subject: customerId, type }, { channel: 'chatbot', contactId });
  const twoFallbacks = (customerId: string, contactId: string) => [
    chatbot(customerId, 'contact.started', contactId),
    chatbot(customerId, 'bot.fallback', contactId),
    chatbot(customerId, 'bot.fallback', contactId),
  ];

  it('finds, lists and pages resolved cases after a restart, keeps the open one open, and names earlier cases', async () => {
    const first = await startHarness();
    const [channel, agent, supervisor] = await Promise.all([
      first.token('chatbot-platform', 'channel'),
      first.token('agent-hist', 'agent'),
      first.token('sup-hist', 'supervisor'),
    ]);
    const cases = async (harness: RegieHarness, query: string) =>
      (await harness.http.get(`/v1/cases${query}`).set(auth(supervisor)).expect(200)).body as { items: CaseItem[]; nextCursor?: string };

    await first.http
      .put('/v1/agents/me/presence')
      .set(auth(agent))
      .send({ status: 'available', channels: ['live-chat'], capacity: { 'live-chat': 3 } })
      .expect(200);
    await first.http
      .post('/v1/interactions')
      .set(auth(channel))
      .send([...twoFallbacks('cust-h1', 'chat-h1'), ...twoFallbacks('cust-h2', 'chat-h2')])
      .expect(202);
    const assigned = await eventually(async () => {
      const { items } = await cases(first, '?status=assigned');
      expect(items).toHaveLength(2);
      return items;
    });
    for (const { id } of assigned) {
      await first.http.post(`/v1/cases/${id}/resolve`).set(auth(agent)).send({ outcome: 'resolved' }).expect(200);
    }
    await eventually(async () => expect((await cases(first, '?status=resolved')).items).toHaveLength(2));
    await first.http.post('/v1/interactions').set(auth(channel)).send(twoFallbacks('cust-h1', 'chat-h1b')).expect(202);
    const reopened = await eventually(async () => {
      const { items } = await cases(first, '?status=assigned');
      expect(items).toHaveLength(1);
      return items[0]!;
    });
    const earlier = assigned.find((item) => item.customerId === 'cust-h1')!;
    expect(reopened.context.earlierCases).toEqual([earlier.id]); // the resolved case, read from the archive or the board
    await first.stop({ keepData: true });

    regie = await startHarness({ dataDir: first.dataDir });
    await eventually(async () => expect((await regie!.http.get('/health/ready')).status).toBe(200));
    const one = await regie.http.get(`/v1/cases/${earlier.id}`).set(auth(supervisor)).expect(200);
    expect(one.body).toMatchObject({ id: earlier.id, status: 'resolved', outcome: 'resolved', customerId: 'cust-h1' });
    expect((await cases(regie, '?status=assigned')).items.map((item) => item.id)).toEqual([reopened.id]);

    const firstPage = await cases(regie, '?status=resolved&limit=1');
    expect(firstPage.items).toHaveLength(1);
    const secondPage = await cases(regie, `?status=resolved&limit=1&cursor=${firstPage.nextCursor}`);
    expect([...firstPage.items, ...secondPage.items].map((item) => item.id).sort()).toEqual(assigned.map((item) => item.id).sort());
    expect(secondPage.nextCursor).toBeUndefined();
    const everything = await cases(regie, '?limit=10');
    expect(everything.items.map((item) => item.status).sort()).toEqual(['assigned', 'resolved', 'resolved']);

    const claimed = await regie.http.post(`/v1/cases/${earlier.id}/claim`).set(auth(agent));
    expect(claimed.status).toBe(409); // closed, not unknown: the decider refuses, as before the restart
  });

  it('refuses a cursor that is not one of its own pages', async () => {
    regie = await startHarness();
    const supervisor = await regie.token('sup-hist', 'supervisor');
    const forged = Buffer.from(JSON.stringify(['cases', 1, 2])).toString('base64url');
    const response = await regie.http.get(`/v1/cases?status=resolved&cursor=${forged}`).set(auth(supervisor));
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'cursor' })]);
  });
});
