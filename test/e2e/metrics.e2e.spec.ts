import { eventually, interaction, parseScrape, startHarness, type RegieHarness, type Scrape } from '@regie/testing';

jest.setTimeout(30_000);

describe('GET /metrics: Prometheus text for the platform team (embedded app over HTTP)', () => {
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
  const post = (events: object) => regie.http.post('/v1/interactions').set(auth(channel)).send(events);
  const scrape = async (harness = regie): Promise<Scrape> => {
    const response = await harness.http.get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    return parseScrape(response.text);
  };
  const queuedIn = async (customerId: string) => {
    const response = await regie.http.get('/v1/cases?status=queued').set(auth(supervisor)).expect(200);
    return (response.body.items as { customerId: string; channel: string }[]).filter((item) => item.customerId === customerId);
  };

  it('is open without a token, names every family regie_…, with the types the dashboard expects', async () => {
    const metrics = await scrape();
    expect(metrics.families.map((family) => family.name).filter((name) => !name.startsWith('regie_'))).toEqual([]);
    expect(
      Object.fromEntries(
        [
          'regie_interactions_ingested_total',
          'regie_interactions_refused_total',
          'regie_dlq_messages_total',
          'regie_kafka_consumer_lag',
          'regie_cases_queued',
          'regie_escalation_latency_seconds',
          'regie_kpi_query_duration_seconds',
          'regie_projection_lag',
          'regie_store_append_duration_seconds',
        ].map((name) => [name, metrics.family(name).type]),
      ),
    ).toEqual({
      regie_interactions_ingested_total: 'COUNTER',
      regie_interactions_refused_total: 'COUNTER',
      regie_dlq_messages_total: 'COUNTER',
      regie_kafka_consumer_lag: 'GAUGE',
      regie_cases_queued: 'GAUGE',
      regie_escalation_latency_seconds: 'HISTOGRAM',
      regie_kpi_query_duration_seconds: 'HISTOGRAM',
      regie_projection_lag: 'GAUGE',
      regie_store_append_duration_seconds: 'HISTOGRAM',
    });
    expect(metrics.value('regie_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('counts interactions ingested and refused by reason, per event', async () => {
    const before = await scrape();
    await post([interaction({ subject: 'cust-m1' }), interaction({ subject: 'cust-m1' }), interaction({ subject: 'cust-m2' })]).expect(202);
    await post([interaction({ subject: 'cust-m3' }), interaction({ subject: 'cust-m3' }, { channel: 'pigeon' })]).expect(400);
    const repeated = interaction({ subject: 'cust-m4' });
    await post([repeated, { ...repeated, time: '2026-03-02T10:00:00Z' }]).expect(400);

    const after = await scrape();
    const delta = (labels: Record<string, string>, name = 'regie_interactions_refused_total') =>
      after.value(name, labels) - before.value(name, labels);
    expect(delta({ via: 'http' }, 'regie_interactions_ingested_total')).toBe(3);
    expect(delta({ via: 'http', reason: 'invalid' })).toBe(2);
    expect(delta({ via: 'http', reason: 'conflicting-repeat' })).toBe(2);
    expect(after.value('regie_store_append_duration_seconds', { outcome: 'ok' })).toBeGreaterThan(0);
  });

  it('shows a queued case per channel from the board, and the latency from its trigger to the queue', async () => {
    await post(interaction({ subject: 'cust-mq', type: 'handoff.requested' }, { contactId: 'chat-mq' })).expect(202);
    await eventually(async () => expect(await queuedIn('cust-mq')).toMatchObject([{ channel: 'live-chat' }]));

    const metrics = await scrape();
    expect(metrics.value('regie_cases_queued', { channel: 'live-chat' })).toBe(1);
    const latency = metrics.sample('regie_escalation_latency_seconds', { channel: 'live-chat' });
    expect(Number(latency?.count)).toBe(1);
    expect(latency?.buckets?.['+Inf']).toBe('1');
    expect(Number(latency?.sum)).toBeGreaterThanOrEqual(0);
    expect(Number(latency?.sum)).toBeLessThan(10);

    const agent = await regie.token('agent-mia', 'agent');
    await regie.http
      .put('/v1/agents/me/presence')
      .set(auth(agent))
      .send({ status: 'available', channels: ['live-chat'], capacity: { 'live-chat': 1 } })
      .expect(200);
    await eventually(async () => expect(await queuedIn('cust-mq')).toEqual([]));
    // The queue emptied: its gauge reads 0 rather than disappearing.
    expect((await scrape()).value('regie_cases_queued', { channel: 'live-chat' })).toBe(0);
  });

  it('times KPI queries and shows every read model caught up with the store', async () => {
    const manager = await regie.token('mgr-1', 'manager');
    await regie.http.get('/v1/kpis?from=2026-03-01&to=2026-03-31').set(auth(manager)).expect(200);
    await regie.http.get('/v1/gap-analysis?from=2026-03-01&to=2026-03-31').set(auth(manager)).expect(200);
    await regie.http.get('/v1/kpis?from=2026-03-31&to=2026-03-01').set(auth(manager)).expect(400);

    await eventually(async () => {
      const metrics = await scrape();
      expect(metrics.value('regie_kpi_query_duration_seconds', { query: 'kpis' })).toBe(2);
      expect(metrics.value('regie_kpi_query_duration_seconds', { query: 'gap-analysis' })).toBe(1);
      const lags = metrics.family('regie_projection_lag').metrics;
      expect(lags.length).toBeGreaterThan(3);
      expect(lags.filter((sample) => Number(sample.value) !== 0)).toEqual([]);
    });
  });

  it('keeps one registry per app: a second app in this process starts from zero', async () => {
    const other = await startHarness();
    try {
      const metrics = await scrape(other);
      expect(metrics.value('regie_interactions_ingested_total', { via: 'http' })).toBe(0);
      expect((await scrape()).value('regie_interactions_ingested_total', { via: 'http' })).toBe(4);
    } finally {
      await other.stop();
    }
  });
});
