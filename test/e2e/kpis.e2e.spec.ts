import { TestClock } from '@regie/eventsourcing/testing';
import { DAY1, DAY2, seedKpiDataset, startHarness, type RegieHarness } from '@regie/testing';

/** Every KPI of DESIGN §7 worked out by hand over the fixed dataset (test/support/kpi-dataset.ts). */
const clock = new TestClock(new Date(`${DAY2}T11:00:00Z`));

describe('KPIs and the gap analysis for service managers (embedded app over HTTP)', () => {
  let regie: RegieHarness;
  let channel: string;
  let manager: string;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const kpis = (query: string) => regie.http.get(`/v1/kpis?${query}`).set(auth(manager));

  beforeAll(async () => {
    regie = await startHarness({ clock });
    channel = await regie.token('platform', 'channel');
    manager = await regie.token('mgr-1', 'manager');
    await seedKpiDataset(regie);
  });
  afterAll(() => regie.stop());

  it('reports the whole range against the concept in force, each figure worked out by hand', async () => {
    const { body } = await kpis(`from=${DAY1}&to=${DAY2}`).expect(200);
    expect(body).toMatchObject({ from: DAY1, to: DAY2, granularity: 'total', timeZone: 'Europe/Amsterdam' });
    const [period] = body.periods;
    expect(period).toMatchObject({ start: DAY1, end: DAY2, concept: { name: 'gemeente-voorbeeld', revision: 0 } });
    const { kpis: k } = period;
    // CSAT (video): responses (9+8+10)/3 = 9 and (6+5+7)/3 = 6 → (9+6)/2 = 7.5 ≥ 7; per question
    // conversation (9+6)/2 = 7.5, channel (8+5)/2 = 6.5 (< 7: missed), resolved (10+7)/2 = 8.5
    expect(k.csat).toMatchObject({ value: 7.5, n: 2, target: 7, status: 'met' });
    expect(k.csat.byQuestion).toMatchObject({
      conversation: { value: 7.5, n: 2, status: 'met' },
      channel: { value: 6.5, n: 2, status: 'missed' },
      resolved: { value: 8.5, n: 2, status: 'met' },
    });
    // NPS: 10 and 9 promoters, 5 a detractor → 100 × (2 − 1) / 3 = 33.3333 ≥ 0
    expect(k.nps).toEqual({ value: 33.3333, n: 3, target: 0, status: 'met' });
    // CSI: counter 0.3×100 + 0.4×0 + 0.3×100 = 60; phone (7,4,7 on 1–10) 0.3×66.667 + 0.4×33.333 + 0.3×66.667 = 53.3333
    // → (60 + 53.3333) / 2 = 56.6667 < 70
    expect(k.csi).toEqual({ value: 56.6667, n: 2, target: 70, status: 'missed' });
    // FCR: 11 contacts ended, the two transferred (p-c1, ch-g1) left out → n = 9; resolved and no repeat:
    // p-a2, v-e1, ch-h1, w-i1, k-j1 = 5 (p-a1 was repeated by p-a2; p-b1, p-d1 abandoned; v-f1 unresolved) → 5/9
    expect(k.fcr).toEqual({ value: 0.5556, n: 9, target: 0.7, status: 'missed', pending: 0 });
    // Bot containment: 2 chatbot contacts ended, ch-g1 asked for a person → 1/2 < 0.6
    expect(k.botContainment).toEqual({ value: 0.5, n: 2, target: 0.6, status: 'missed' });

    const phone = k.byChannel.phone;
    // AHT: (240 + 360 + 60) / 3 = 220 ≤ 300
    expect(phone.aht).toEqual({ value: 220, n: 3, target: 300, status: 'met' });
    // Service level (30 s): met p-a1 (20), p-c1 (10); missed p-a2 (40); abandoned p-b1 (90 s, counted as missed);
    // p-d1 abandoned within 5 s is left out → 2/4 = 0.5 < 0.8
    expect(phone.serviceLevel).toEqual({ value: 0.5, n: 4, target: 0.8, status: 'missed' });
    // Abandonment: p-b1, p-d1 of 5 ended
    expect(phone.abandonment).toEqual({ value: 0.4, n: 5, target: null, status: 'no-target' });
    // FCR by the channel of the contact: p-a2 of p-a1, p-b1, p-a2, p-d1 → 1/4
    expect(phone.fcr).toMatchObject({ value: 0.25, n: 4, pending: 0 });
    expect(phone.csi).toMatchObject({ value: 53.3333, n: 1 });
    expect(phone.nps).toMatchObject({ value: 100, n: 1 });
    // Channel mix: 11 contacts started; phone 5/11, video 2/11, chatbot 2/11, web 1/11, counter 1/11
    expect(phone.contacts).toMatchObject({ value: 5, n: 5 });
    expect(phone.share).toMatchObject({ value: 0.4545 });
    expect(k.byChannel.video.share).toMatchObject({ value: 0.1818 });
    expect(k.byChannel.web.share).toMatchObject({ value: 0.0909 });
    // Channel shift: the concept's 2025 baseline has no contacts → no value
    expect(phone.shift).toMatchObject({ value: null, n: 0, target: -0.03, status: 'no-data' });

    const video = k.byChannel.video;
    // AHT (600 + 1200) / 2 = 900, at the 900 s maximum; service level (120 s): 100 met, 200 missed → 0.5 < 0.9
    expect(video.aht).toEqual({ value: 900, n: 2, target: 900, status: 'met' });
    expect(video.serviceLevel).toEqual({ value: 0.5, n: 2, target: 0.9, status: 'missed' });
    expect(video.csat).toMatchObject({ value: 7.5, n: 2 });
    // Counter: 300 s within 600 s → 1/1; AHT 900 ≤ 900
    expect(k.byChannel.counter.serviceLevel).toEqual({ value: 1, n: 1, target: 0.9, status: 'met' });
    expect(k.byChannel.counter.aht).toEqual({ value: 900, n: 1, target: 900, status: 'met' });
    // Regie's own queue: the handoff's live-chat case was assigned at once (wait 0 ≤ 60 s) → 1/1 ≥ 0.8
    expect(k.byChannel['live-chat'].caseServiceLevel).toEqual({ value: 1, n: 1, target: 0.8, status: 'met' });
    // Layers: self-service web 1 + chatbot 2 = 3; assisted phone 5; personal video 2 + counter 1 = 3 (of 11)
    expect(k.byLayer).toEqual({
      'self-service': { contacts: expect.objectContaining({ value: 3 }), share: expect.objectContaining({ value: 0.2727 }) },
      assisted: { contacts: expect.objectContaining({ value: 5 }), share: expect.objectContaining({ value: 0.4545 }) },
      personal: { contacts: expect.objectContaining({ value: 3 }), share: expect.objectContaining({ value: 0.2727 }) },
    });
  });

  it('reports per day, and channel shift against a baseline given in the query', async () => {
    const { body } = await kpis(`from=${DAY1}&to=${DAY2}&granularity=day`).expect(200);
    expect(body.periods.map((period: { label: string }) => period.label)).toEqual([DAY1, DAY2]);
    const [day1, day2] = body.periods.map((period: { kpis: Record<string, any> }) => period.kpis);
    // Day 1 ended: p-a1 (repeated), p-b1 (abandoned), v-e1, ch-h1 (resolved), ch-g1 (transferred, left out) → 2/4
    expect(day1.fcr).toMatchObject({ value: 0.5, n: 4 });
    // Day 2 ended: p-a2, w-i1, k-j1 resolved; p-d1 abandoned; v-f1 unresolved; p-c1 transferred → 3/5
    expect(day2.fcr).toMatchObject({ value: 0.6, n: 5 });
    expect(day1.csat).toMatchObject({ value: 9, n: 1, status: 'met' });
    expect(day2.csat).toMatchObject({ value: 6, n: 1, status: 'missed' });
    // Started: day 1 p-a1, p-b1, v-e1, ch-g1, ch-h1 = 5; day 2 p-a2, p-c1, p-d1, v-f1, w-i1, k-j1 = 6
    expect(day1.byChannel.phone.contacts.value + day1.byChannel.video.contacts.value + day1.byChannel.chatbot.contacts.value).toBe(5);
    expect(day2.byLayer.personal.contacts.value).toBe(2);

    // Day 2 had 3 phone contacts against 2 a day on day 1: (3 − 2) / 2 = +0.5, above the −0.03 maximum
    const shifted = await kpis(`from=${DAY2}&to=${DAY2}&channel=phone&baselineFrom=${DAY1}&baselineTo=${DAY1}`).expect(200);
    const [period] = shifted.body.periods;
    expect(Object.keys(period.kpis.byChannel)).toEqual(['phone']);
    expect(period.kpis.byChannel.phone.shift).toEqual({ value: 0.5, n: 2, target: -0.03, status: 'missed' });
  });

  it('leaves the channels of every period but the last out of the JSON when asked (byChannel=last), all else the same', async () => {
    const { body: all } = await kpis(`from=${DAY1}&to=${DAY2}&granularity=day`).expect(200);
    const { body: last } = await kpis(`from=${DAY1}&to=${DAY2}&granularity=day&byChannel=last`).expect(200);
    const { byChannel, ...day1 } = all.periods[0].kpis;
    expect(Object.keys(byChannel)).toContain('phone');
    expect(last).toEqual({ ...all, periods: [{ ...all.periods[0], kpis: day1 }, all.periods[1]] });
    const { body: explicit } = await kpis(`from=${DAY1}&to=${DAY2}&granularity=day&byChannel=all`).expect(200);
    expect(explicit).toEqual(all);
    // The CSV holds every channel of every period whatever the JSON leaves out.
    const csv = (query: string) => kpis(query).set('Accept', 'text/csv').expect(200);
    expect((await csv(`from=${DAY1}&to=${DAY2}&granularity=day&byChannel=last`)).text).toBe(
      (await csv(`from=${DAY1}&to=${DAY2}&granularity=day`)).text,
    );
    const bad = await kpis(`from=${DAY1}&to=${DAY2}&byChannel=first`).expect(400);
    expect(bad.body.errors).toEqual([{ path: 'byChannel', message: 'must be one of: all, last (default all)' }]);
  });

  it('gives the same figures as CSV, one row per period × KPI × channel', async () => {
    const response = await kpis(`from=${DAY1}&to=${DAY2}`).set('Accept', 'text/csv').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const rows = response.text.trimEnd().split('\r\n');
    expect(rows[0]).toBe('period,start,end,revision,kpi,channel,layer,value,n,target,status,pending');
    const period = `${DAY1}/${DAY2},${DAY1},${DAY2},0`;
    expect(rows).toEqual(
      expect.arrayContaining([
        `${period},csat,,,7.5,2,7,met,`,
        `${period},nps,,,33.3333,3,0,met,`,
        `${period},fcr,,,0.5556,9,0.7,missed,0`,
        `${period},aht,phone,,220,3,300,met,`,
        `${period},serviceLevel,phone,,0.5,4,0.8,missed,`,
        `${period},csat.channel,video,,6.5,2,7,missed,`,
        `${period},shift,phone,,,0,-0.03,no-data,`,
        `${period},contacts,,assisted,5,5,,no-target,`,
      ]),
    );
    const daily = await kpis(`from=${DAY1}&to=${DAY2}&granularity=day`).set('Accept', 'text/csv').expect(200);
    expect(daily.text).toContain(`${DAY2},${DAY2},${DAY2},0,fcr,,,0.6,5,0.7,missed,0`);
  });

  it('judges declared fit against measured satisfaction: confirmed, gap, opportunity, unmeasured', async () => {
    const { body } = await regie.http.get(`/v1/gap-analysis?from=${DAY1}&to=${DAY2}`).set(auth(manager)).expect(200);
    expect(body).toMatchObject({ from: DAY1, to: DAY2 });
    const item = (channelId: string, need: string) =>
      body.items.find((candidate: { channel: string; need: string }) => candidate.channel === channelId && candidate.need === need);
    // Counter (CSI 10, 1, 10): reachability measures "connected", declared → 100: confirmed; speed measures
    // "own-pace", not declared → 100: an opportunity; expertise measures "clear-information", not declared → 0: confirmed
    expect(item('counter', 'connected')).toEqual({
      channel: 'counter',
      need: 'connected',
      declared: true,
      measured: { value: 100, n: 1 },
      verdict: 'confirmed',
    });
    expect(item('counter', 'own-pace')).toMatchObject({ declared: false, measured: { value: 100, n: 1 }, verdict: 'opportunity' });
    expect(item('counter', 'clear-information')).toMatchObject({ declared: false, measured: { value: 0, n: 1 }, verdict: 'confirmed' });
    // No counter question measures personal contact
    expect(item('counter', 'personal-contact')).toMatchObject({ declared: true, measured: { value: null, n: 0 }, verdict: 'unmeasured' });
    // Phone expertise 4 on 1–10 → 3/9 × 100 = 33.3333 < 70, though phone is declared to inform clearly: a gap
    expect(item('phone', 'clear-information')).toMatchObject({ declared: true, measured: { value: 33.3333, n: 1 }, verdict: 'gap' });
    // Video conversation 9 and 6 → (8/9 + 5/9) / 2 × 100 = 72.2222 ≥ 70
    expect(item('video', 'personal-contact')).toMatchObject({ declared: true, measured: { value: 72.2222, n: 2 }, verdict: 'confirmed' });
    expect(body.items).toHaveLength(8 * 4);
  });

  it('refuses bad queries, naming each field, and keeps the figures from other roles', async () => {
    const bad = await kpis('from=2026-02-30&granularity=hour&channel=fax').expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.body.errors.map((error: { path: string }) => error.path)).toEqual(['from', 'to', 'granularity', 'channel']);
    const gap = await regie.http.get(`/v1/gap-analysis?from=${DAY2}&to=${DAY1}`).set(auth(manager)).expect(400);
    expect(gap.body.errors.map((error: { path: string }) => error.path)).toEqual(['to']);
    await regie.http.get(`/v1/kpis?from=${DAY1}&to=${DAY2}`).set(auth(channel)).expect(403);
    await regie.http.get('/v1/service-concept').set(auth(manager)).expect(200);
  });
});
