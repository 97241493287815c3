import { eventually, startHarness, type RegieHarness } from '@regie/testing';
import { runSimulation } from '../simulator/simulation';

jest.setTimeout(120_000);

/** The traffic simulator against the all-in-one app: every escalated customer reaches an agent. */
describe('Traffic simulator (embedded app over HTTP)', () => {
  let regie: RegieHarness;

  beforeAll(async () => {
    regie = await startHarness({ env: { REGIE_DISPATCH_TICK_MS: '100' } });
  });
  afterAll(() => regie.stop());

  it('plays mixed journeys; each escalation is assigned to an agent and resolved', async () => {
    const agents = await Promise.all(
      [1, 2, 3].map(async (n) => ({ id: `sim-agent-${n}`, token: await regie.token(`sim-agent-${n}`, 'agent') })),
    );
    const report = await runSimulation({
      url: regie.url,
      channelToken: await regie.token('simulator', 'channel'),
      agentTokens: agents,
      customers: 120,
      rate: 60,
      seed: 42,
      handleMs: 20,
      drainMs: 20_000,
    });
    expect(report.customers).toBe(120);
    expect(report.escalations).toBeGreaterThan(5);
    expect(report.escalations).toBeLessThan(report.customers / 2);
    expect(report.escalationLatency.samples).toBe(report.escalations);
    expect(report.assigned).toBe(report.escalations);
    expect(report.resolved).toBe(report.assigned);

    // The board follows the store: the last resolve can be a moment behind the simulator's answer (PostgreSQL).
    const supervisor = { Authorization: `Bearer ${await regie.token('sup', 'supervisor')}` };
    await eventually(async () => {
      const { body } = await regie.http.get('/v1/cases?status=resolved&limit=1000').set(supervisor).expect(200);
      expect(body.items.filter((item: { customerId: string }) => item.customerId.startsWith('sim-'))).toHaveLength(report.escalations);
    });

    // The durable channel-activity projection saw the same escalations.
    await eventually(async () => {
      const activity = await regie.http.get('/v1/channel-activity').set(supervisor).expect(200);
      const escalatedTo = activity.body.items.reduce((sum: number, item: { escalatedTo: number }) => sum + item.escalatedTo, 0);
      expect(escalatedTo).toBe(report.escalations);
    });
    const status = await regie.http.get('/v1/projections').set(supervisor).expect(200);
    expect(status.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'channel-activity-by-month', behind: expect.any(Number) })]),
    );
  });
});
