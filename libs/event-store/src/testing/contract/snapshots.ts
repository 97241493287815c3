import type { EventStore, StreamSnapshot } from '../../event-store.port';
import { event, fixtureOf, type ContractContext, type EventStoreUnderTest } from './support';

/** EventStore.saveSnapshots and readSnapshot, where the adapter says it has them (`snapshots`). */
export const describeSnapshots = (context: ContractContext): void => {
  describe('snapshots', () => {
    let subject: EventStoreUnderTest;
    let store: EventStore;
    let tag: string;
    beforeEach(() => {
      ({ subject, store, tag } = fixtureOf(context, 'snap'));
    });

    /** The adapter has both exactly when it says so; the tests below are for those that do. */
    const snapshots = (): (EventStore & Required<Pick<EventStore, 'saveSnapshots' | 'readSnapshot'>>) | undefined => {
      const kind = subject.snapshots ? 'function' : 'undefined';
      expect([typeof store.saveSnapshots, typeof store.readSnapshot]).toEqual([kind, kind]);
      return subject.snapshots ? (store as Required<EventStore>) : undefined;
    };

    const snapshot = (stream: string, revision: number, state: unknown = { revision }): StreamSnapshot => ({
      stream,
      revision,
      kind: 'journey/1',
      state,
    });

    it('keeps the last snapshot saved for each stream, as JSON keeps it, for every connection', async () => {
      const store = snapshots();
      if (!store) return;
      const state = { contacts: [['chat-1', { channel: 'chatbot', botFallbacks: 2 }]], topic: 'paspoort — €', none: null, gone: undefined };
      await store.saveSnapshots([snapshot(`${tag}a`, 3, state), snapshot(`${tag}b`, 0), snapshot(`${tag}a`, 4, { last: true })]);
      expect(await subject.other.readSnapshot!(`${tag}a`)).toEqual({
        stream: `${tag}a`,
        revision: 4,
        kind: 'journey/1',
        state: { last: true },
      });
      await store.saveSnapshots([snapshot(`${tag}b`, 1, state)]);
      // One of an earlier revision, arriving late, leaves the later one.
      await store.saveSnapshots([snapshot(`${tag}a`, 2, { late: true })]);
      expect(await store.readSnapshot(`${tag}a`)).toMatchObject({ revision: 4, state: { last: true } });
      const b = await store.readSnapshot(`${tag}b`);
      expect(b).toEqual({ stream: `${tag}b`, revision: 1, kind: 'journey/1', state: JSON.parse(JSON.stringify(state)) });
      expect(Object.keys(b!.state as object)).not.toContain('gone');
      expect(await store.readSnapshot(`${tag}none`)).toBeUndefined();
    });

    it('drops a stream’s snapshot when the stream is erased, and keeps none at or below its last revision after', async () => {
      const store = snapshots();
      if (!store) return;
      const stream = `${tag}erased`;
      await store.appendToStream(stream, [event('A0'), event('A1'), event('A2')]);
      await store.saveSnapshots([snapshot(stream, 2)]);
      await store.deleteStream(stream);
      expect(await store.readSnapshot(stream)).toBeUndefined();
      expect(await subject.other.readSnapshot!(stream)).toBeUndefined();
      // A save sent before the erasure and arriving after it: the erased state does not come back.
      await store.saveSnapshots([snapshot(stream, 2), snapshot(stream, 1)]);
      expect(await store.readSnapshot(stream)).toBeUndefined();
      // Written again, the stream goes on past its erased revisions: a state of those is kept.
      await store.appendToStream(stream, [event('B3'), event('B4')]);
      await store.saveSnapshots([snapshot(stream, 4), snapshot(stream, 2)]);
      expect(await store.readSnapshot(stream)).toMatchObject({ revision: 4 });
    });

    it('erases a stream with a snapshot and no events, and leaves other streams’ snapshots', async () => {
      const store = snapshots();
      if (!store) return;
      await store.saveSnapshots([snapshot(`${tag}a`, 0), snapshot(`${tag}b`, 0)]);
      await store.deleteStream(`${tag}a`);
      expect(await store.readSnapshot(`${tag}a`)).toBeUndefined();
      expect(await store.readSnapshot(`${tag}b`)).toMatchObject({ revision: 0 });
    });
  });
};
