import { interaction, startHarness } from '@regie/testing';

describe('The embedded store is durable', () => {
  it('still shows the journey, exactly once, after a restart on the same data dir', async () => {
    const first = await startHarness();
    const channel = await first.token('web-platform', 'channel');
    const events = [1, 2, 3].map((n) =>
      interaction({ subject: 'cust-durable', source: 'urn:regie:test:web' }, { channel: 'web', contactId: `visit-${n}` }),
    );
    await first.http.post('/v1/interactions').set('Authorization', `Bearer ${channel}`).send(events).expect(202);
    await first.stop({ keepData: true });

    const second = await startHarness({ dataDir: first.dataDir });
    try {
      const agent = await second.token('agent-1', 'agent');
      const channelAgain = await second.token('web-platform', 'channel');
      await second.http.post('/v1/interactions').set('Authorization', `Bearer ${channelAgain}`).send(events).expect(202);
      const journey = await second.http.get('/v1/customers/cust-durable/journey').set('Authorization', `Bearer ${agent}`).expect(200);
      expect(journey.body.entries.map((entry: { contactId: string }) => entry.contactId)).toEqual(['visit-1', 'visit-2', 'visit-3']);
    } finally {
      await second.stop();
    }
  });
});
