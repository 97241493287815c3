import { eventually, interaction, startHarness, type RegieHarness } from '@regie/testing';

jest.setTimeout(30_000);

/** The read models every process of the embedded app answers from. */
const READ_MODELS = ['case-board', 'safety-board'];

describe('GET /health/ready: every read model caught up since the process started', () => {
  let regie: RegieHarness | undefined;
  afterEach(async () => regie?.stop());

  const readyAt = async (harness: RegieHarness) => {
    let body: { status: string; readModels: Record<string, number> } | undefined;
    await eventually(async () => {
      const response = await harness.http.get('/health/ready');
      expect(response.status).toBe(200);
      body = response.body;
    });
    return body!;
  };

  it('is open without a token and names each read model with the position it has caught up to', async () => {
    regie = await startHarness();
    const ready = await readyAt(regie);
    expect(ready.status).toBe('ready');
    expect(Object.keys(ready.readModels)).toEqual(expect.arrayContaining([...READ_MODELS, expect.stringMatching(/^kpi-contacts/)]));
  });

  it('after a restart, is ready once the read models have caught up with what was recorded before it', async () => {
    const first = await startHarness();
    const channel = await first.token('chatbot-platform', 'channel');
    const events = Array.from({ length: 3 }, (_, n) =>
      interaction({ type: 'bot.fallback', subject: 'cust-ready' }, { channel: 'chatbot', contactId: `chat-ready-${Math.floor(n / 2)}` }),
    );
    await first.http.post('/v1/interactions').set('Authorization', `Bearer ${channel}`).send(events).expect(202);
    const supervisor = await first.token('sup-1', 'supervisor');
    await eventually(async () => {
      const cases = await first.http.get('/v1/cases?status=queued').set('Authorization', `Bearer ${supervisor}`).expect(200);
      expect(cases.body.items).toHaveLength(1);
    });
    const head = (await first.http.get('/health').expect(200)).body.info.eventStore.position as number;
    await first.stop({ keepData: true });

    regie = await startHarness({ dataDir: first.dataDir });
    const ready = await readyAt(regie);
    for (const name of READ_MODELS) expect(ready.readModels[name]).toBeGreaterThanOrEqual(head);
    const board = await regie.http
      .get('/v1/cases?status=queued')
      .set('Authorization', `Bearer ${await regie.token('sup-1', 'supervisor')}`);
    expect(board.body.items).toHaveLength(1); // ready means the board answers what was there before the restart
  });
});
