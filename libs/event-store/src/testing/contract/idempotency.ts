import { randomUUID } from 'node:crypto';
import type { EventStore } from '../../event-store.port';
import { ANY, NO_STREAM, STREAM_EXISTS } from '../../event-store.port';
import { event, fixtureOf, settle, type ContractContext, type EventStoreUnderTest } from './support';

export const describeIdempotency = (context: ContractContext): void => {
  describe('idempotency', () => {
    let subject: EventStoreUnderTest;
    let store: EventStore;
    let stream: string;
    beforeEach(() => {
      subject = context.subject();
      store = context.store();
      stream = context.stream();
    });
    it('records an event whose idempotency key is already recorded only once, whatever the stream', async () => {
      const key = `web#${randomUUID()}`;
      await store.appendToStream(stream, [event('A', {}, key)]);
      const again = await store.appendToStream(stream, [event('A', {}, key)], { expectedRevision: NO_STREAM });
      expect(again).toMatchObject({ appended: 0, duplicates: [key], nextExpectedRevision: 0 });
      const elsewhere = await store.appendToStream(`${stream}-b`, [event('A', {}, key)]);
      expect(elsewhere.appended).toBe(0);
      expect(await store.readStream(stream)).toHaveLength(1);
      expect(await store.readStream(`${stream}-b`)).toHaveLength(0);
    });

    it('skips the duplicates of a batch and appends the rest', async () => {
      const [k1, k2, k3] = [randomUUID(), randomUUID(), randomUUID()];
      await store.appendToStream(stream, [event('A', {}, k1)]);
      const result = await store.appendToStream(stream, [event('A', {}, k1), event('B', {}, k2), event('B', {}, k2), event('C', {}, k3)], {
        expectedRevision: 0,
      });
      expect(result).toMatchObject({ appended: 2, duplicates: [k1, k2], nextExpectedRevision: 2 });
      expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
    });

    it('records a source event once when the same one arrives concurrently', async () => {
      const key = `chatbot#${randomUUID()}`;
      const handles = [store, subject.other];
      const results = await settle(
        Array.from({ length: 10 }, (_, i) => handles[i % 2].appendToStream(stream, [event('A', {}, key)], { expectedRevision: ANY })),
      );
      expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
      const appended = results.map((r) => (r.status === 'fulfilled' ? r.value.appended : -1));
      expect(appended.filter((n) => n === 1)).toHaveLength(1);
      expect(await store.readStream(stream)).toHaveLength(1);
    });
  });
};

export const describeErasing = (context: ContractContext): void => {
  describe('erasing', () => {
    let subject: EventStoreUnderTest;
    let store: EventStore;
    let tag: string;
    beforeEach(() => {
      ({ subject, store, tag } = fixtureOf(context, 'erase'));
    });

    it('erases a stream from every read and keeps the others', async () => {
      await store.appendToStream(`${tag}gone`, [event('A'), event('B')]);
      await store.appendToStream(`${tag}kept`, [event('C')]);
      await store.deleteStream(`${tag}gone`);
      expect(await store.readStream(`${tag}gone`)).toEqual([]);
      expect(await subject.other.readStream(`${tag}gone`)).toEqual([]);
      expect((await store.readAll({ streamPrefixes: [tag] })).map((e) => e.type)).toEqual(['C']);
      await store.deleteStream(`${tag}never-existed`);
    });

    it('treats an erased stream as absent and continues its revisions when it is written again', async () => {
      await store.appendToStream(`${tag}gone`, [event('A'), event('B')]);
      const kept = await store.appendToStream(`${tag}kept`, [event('C')]);
      await store.deleteStream(`${tag}gone`);
      await expect(store.appendToStream(`${tag}gone`, [event('X')], { expectedRevision: STREAM_EXISTS })).rejects.toMatchObject({
        actual: -1,
      });
      // Decided on the stream as it was before the erasure: refused.
      await expect(store.appendToStream(`${tag}gone`, [event('X')], { expectedRevision: 1 })).rejects.toMatchObject({ actual: -1 });
      const again = await store.appendToStream(`${tag}gone`, [event('D')], { expectedRevision: NO_STREAM });
      expect(again).toMatchObject({ nextExpectedRevision: 2, appended: 1 });
      expect(again.position).toBeGreaterThan(kept.position);
      expect((await store.readStream(`${tag}gone`)).map((e) => [e.type, e.revision])).toEqual([['D', 2]]);
      // Read on from a state held of the erased run (readOn): its revision is not among the new run's.
      expect((await store.readStream(`${tag}gone`, { fromRevision: 1 })).map((e) => e.revision)).toEqual([2]);
      await expect(store.appendToStream(`${tag}gone`, [event('X')], { expectedRevision: NO_STREAM })).rejects.toMatchObject({
        actual: 2,
      });
      await store.appendToStream(`${tag}gone`, [event('E')], { expectedRevision: 2 });
      expect((await subject.other.readStream(`${tag}gone`)).map((e) => e.revision)).toEqual([2, 3]);
    });

    it('keeps the idempotency keys of erased events, so a replayed source event stays erased', async () => {
      const key = `web#${randomUUID()}`;
      await store.appendToStream(`${tag}gone`, [event('A', {}, key)]);
      await store.deleteStream(`${tag}gone`);
      const replayed = await store.appendToStream(`${tag}gone`, [event('A', {}, key)], { expectedRevision: NO_STREAM });
      expect(replayed).toMatchObject({ appended: 0, duplicates: [key], nextExpectedRevision: -1 });
      expect((await subject.other.appendToStream(`${tag}elsewhere`, [event('A', {}, key)])).appended).toBe(0);
      expect(await store.readAll({ streamPrefixes: [tag] })).toEqual([]);
    });
  });
};
