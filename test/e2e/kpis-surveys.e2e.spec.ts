import { interaction, eventually, openSse, startHarness, type RegieHarness } from '@regie/testing';

/** Surveys under the shipped concept: answers checked against its questions, and asked after a video call. */
const ev = (type: string, customer: string, time: string, channel: string, contactId: string, data: object = {}) =>
  interaction({ type, subject: customer, time, source: 'urn:regie:test:surveys' }, { channel, contactId, ...data });
const contact = (customer: string, day: string, hour: number, channel: string, id: string, ended: object) => [
  ev('contact.started', customer, `${day}T0${hour}:00:00Z`, channel, id),
  ev('contact.ended', customer, `${day}T0${hour}:10:00Z`, channel, id, ended),
];
const survey = (customer: string, day: string, hour: number, channel: string, id: string, instrument: string, answers: object) =>
  ev('survey.answered', customer, `${day}T0${hour}:20:00Z`, channel, id, { instrument, answers });
const DAY2 = '2026-03-03';

describe('Survey answers and survey requests (embedded app over HTTP)', () => {
  let regie: RegieHarness;
  let channel: string;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    regie = await startHarness();
    channel = await regie.token('platform', 'channel');
  });
  afterAll(() => regie.stop());

  it('refuses survey answers the concept does not ask for: out of range, unknown question, wrong channel', async () => {
    const post = (event: object) => regie.http.post('/v1/interactions').set(auth(channel)).send(event).expect(400);
    const nps = await post(survey('cust-x', DAY2, 9, 'phone', 'p-x1', 'nps', { recommend: 11 }));
    expect(nps.body.errors).toEqual([
      { path: 'data.answers.recommend', message: '11 is out of range: answers to "recommend" go from 0 to 10' },
    ]);
    const unknown = await post(survey('cust-x', DAY2, 9, 'video', 'v-x1', 'csat', { conversation: 8, mood: 3 }));
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: 'data.answers.mood' })]);
    const web = await post([survey('cust-x', DAY2, 9, 'web', 'w-x1', 'csat', { conversation: 8 })]);
    expect(web.body.errors).toEqual([expect.objectContaining({ path: '[0].data.instrument' })]);
  });

  it('asks the platform for the survey after a video call ends', async () => {
    const stream = openSse(`${regie.url}/v1/decisions/stream`, channel);
    expect(await stream.status).toBe(200);
    try {
      await regie.http
        .post('/v1/interactions')
        .set(auth(channel))
        .send(contact('cust-s', '2026-03-21', 9, 'video', 'v-s1', { outcome: 'resolved', waitSeconds: 30 }))
        .expect(202);
      await eventually(() =>
        expect(stream.events.map((event) => event.data)).toContainEqual(
          expect.objectContaining({
            type: 'survey.requested',
            subject: 'cust-s',
            data: {
              instrument: 'csat',
              questions: [
                { id: 'conversation', label: 'Hoe beoordeelt u het gesprek?', min: 1, max: 10 },
                { id: 'channel', label: 'Hoe beoordeelt u beeldbellen als kanaal?', min: 1, max: 10 },
                { id: 'resolved', label: 'In hoeverre is uw vraag opgelost?', min: 1, max: 10 },
              ],
              contactId: 'v-s1',
              channel: 'video',
            },
          }),
        ),
      );
    } finally {
      stream.close();
    }
  });
});
