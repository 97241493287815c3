import { eventually } from './eventually';
import { interaction, type RegieHarness } from './regie-harness';

/**
 * A small, fixed fortnight of contacts in the shipped concept (Europe/Amsterdam, CET = UTC+1, so
 * every time below falls on the same local day), with every KPI of DESIGN §7 computed by hand.
 * Day 1 = Mon 2026-03-02, day 2 = Tue 2026-03-03. Cases are opened on the TestClock (day 2).
 */
export const DAY1 = '2026-03-02';
export const DAY2 = '2026-03-03';

const ev = (type: string, customer: string, time: string, channel: string, contactId: string, data: object = {}) =>
  interaction({ type, subject: customer, time, source: 'urn:regie:test:kpis' }, { channel, contactId, ...data });
export const contact = (customer: string, day: string, hour: number, channel: string, id: string, ended: object, topic?: string) => [
  ev('contact.started', customer, `${day}T${String(hour).padStart(2, '0')}:00:00Z`, channel, id, topic ? { topic } : {}),
  ev('contact.ended', customer, `${day}T${String(hour).padStart(2, '0')}:10:00Z`, channel, id, ended),
];
const survey = (customer: string, day: string, hour: number, channel: string, id: string, instrument: string, answers: object) =>
  ev('survey.answered', customer, `${day}T${String(hour).padStart(2, '0')}:20:00Z`, channel, id, { instrument, answers });

export const KPI_DATASET = [
  // phone (target wait 30 s, share 0.8; AHT ≤ 300 s)
  ...contact('cust-a', DAY1, 9, 'phone', 'p-a1', { outcome: 'resolved', waitSeconds: 20, handlingSeconds: 240 }, 'permit'),
  ...contact('cust-b', DAY1, 10, 'phone', 'p-b1', { outcome: 'abandoned', waitSeconds: 90 }, 'tax'),
  // cust-a comes back about the same topic within the 7-day window: p-a1 was not first-contact resolved
  ...contact('cust-a', DAY2, 9, 'phone', 'p-a2', { outcome: 'resolved', waitSeconds: 40, handlingSeconds: 360 }, 'permit'),
  survey('cust-a', DAY2, 9, 'phone', 'p-a2', 'csi', { reachability: 7, expertise: 4, speed: 7 }),
  ...contact('cust-c', DAY2, 10, 'phone', 'p-c1', { outcome: 'transferred', waitSeconds: 10, handlingSeconds: 60 }),
  survey('cust-c', DAY2, 10, 'phone', 'p-c1', 'nps', { recommend: 9 }),
  ...contact('cust-d', DAY2, 11, 'phone', 'p-d1', { outcome: 'abandoned', waitSeconds: 3 }),
  // video (target wait 120 s, share 0.9; AHT ≤ 900 s)
  ...contact('cust-e', DAY1, 13, 'video', 'v-e1', { outcome: 'resolved', waitSeconds: 100, handlingSeconds: 600 }),
  survey('cust-e', DAY1, 13, 'video', 'v-e1', 'csat', { conversation: 9, channel: 8, resolved: 10 }),
  ...contact('cust-f', DAY2, 14, 'video', 'v-f1', { outcome: 'unresolved', waitSeconds: 200, handlingSeconds: 1200 }),
  survey('cust-f', DAY2, 14, 'video', 'v-f1', 'csat', { conversation: 6, channel: 5, resolved: 7 }),
  // chatbot: one contact hands off to a person (a live-chat case), one is contained
  ev('contact.started', 'cust-g', `${DAY1}T15:00:00Z`, 'chatbot', 'ch-g1'),
  ev('handoff.requested', 'cust-g', `${DAY1}T15:01:00Z`, 'chatbot', 'ch-g1'),
  ev('contact.ended', 'cust-g', `${DAY1}T15:02:00Z`, 'chatbot', 'ch-g1', { outcome: 'transferred' }),
  ...contact('cust-h', DAY1, 16, 'chatbot', 'ch-h1', { outcome: 'resolved' }),
  survey('cust-h', DAY1, 16, 'chatbot', 'ch-h1', 'nps', { recommend: 10 }),
  // web and counter
  ...contact('cust-i', DAY2, 8, 'web', 'w-i1', { outcome: 'resolved' }),
  survey('cust-i', DAY2, 8, 'web', 'w-i1', 'nps', { recommend: 5 }),
  ...contact('cust-j', DAY2, 12, 'counter', 'k-j1', { outcome: 'resolved', waitSeconds: 300, handlingSeconds: 900 }),
  survey('cust-j', DAY2, 12, 'counter', 'k-j1', 'csi', { reachability: 10, expertise: 1, speed: 10 }),
];

/**
 * Posts the dataset, waits until its last effect (the handoff's case, assigned at once) shows in the KPIs, then
 * moves the read models' clock past every FCR window (7 days, then a day's grace) with a later contact, so
 * that nothing is pending and every figure is final.
 */
export const seedKpiDataset = async (regie: RegieHarness): Promise<void> => {
  const as = async (sub: string, role: Parameters<RegieHarness['token']>[1]) => ({
    Authorization: `Bearer ${await regie.token(sub, role)}`,
  });
  const [channel, manager, agent] = await Promise.all([as('platform', 'channel'), as('mgr-seed', 'manager'), as('agent-anna', 'agent')]);
  const total = () => regie.http.get(`/v1/kpis?from=${DAY1}&to=${DAY2}`).set(manager).expect(200);
  await regie.http
    .put('/v1/agents/me/presence')
    .set(agent)
    .send({ status: 'available', channels: ['live-chat'], capacity: { 'live-chat': 2 } })
    .expect(200);
  await regie.http.post('/v1/interactions').set(channel).send(KPI_DATASET).expect(202);
  await eventually(async () => {
    const [period] = (await total()).body.periods;
    expect(period.kpis.byChannel['live-chat'].caseServiceLevel.n).toBe(1);
    expect(period.kpis.byLayer).toMatchObject({ 'self-service': { contacts: { value: 3 } } });
    expect(period.kpis.csi.n).toBe(2);
  }, 20_000);
  await regie.http
    .post('/v1/interactions')
    .set(channel)
    .send(contact('cust-z', '2026-03-20', 9, 'web', 'w-z1', { outcome: 'resolved' }))
    .expect(202);
  await eventually(async () => {
    const status = await regie.http.get('/v1/projections').set(manager).expect(200);
    expect(status.body.items.filter((item: { behind: number }) => item.behind > 0)).toEqual([]);
    expect((await total()).body.periods[0].kpis.fcr.pending).toBe(0);
  }, 20_000);
};
