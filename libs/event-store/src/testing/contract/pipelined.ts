import { randomUUID } from 'node:crypto';
import type { EventStore } from '../../event-store.port';
import { NO_STREAM } from '../../event-store.port';
import { ExpectedRevisionConflictError } from '../../errors';
import { event, fixtureOf, type ContractContext, type EventStoreUnderTest } from './support';

/** EventStore.appendToStreamsAfter, where the adapter says it has it (`pipelined`). */
export const describePipelined = (context: ContractContext): void => {
  describe('pipelined appends', () => {
    let subject: EventStoreUnderTest;
    let store: EventStore;
    let tag: string;
    beforeEach(() => {
      ({ subject, store, tag } = fixtureOf(context, 'pipe'));
    });

    /** The adapter has pipelined appends exactly when it says so; the tests below are for those that do. */
    const pipelined = (): EventStore['appendToStreamsAfter'] => {
      expect(typeof store.appendToStreamsAfter).toBe(subject.pipelined ? 'function' : 'undefined');
      return store.appendToStreamsAfter?.bind(store);
    };

    it('applies batches in the order they are sent, each written after the one it follows', async () => {
      const append = pipelined();
      if (!append) return;
      const first = append([{ stream: `${tag}a`, events: [event('A0'), event('A1')], expectedRevision: NO_STREAM }]);
      // Decided on what the first appends: sent before the first has returned.
      const second = append([{ stream: `${tag}a`, events: [event('A2')], expectedRevision: 1 }], first.ticket);
      const third = append([{ stream: `${tag}b`, events: [event('B0')], expectedRevision: NO_STREAM }], second.ticket);
      const results = await Promise.all([first.results, second.results, third.results]);
      expect(results.map(([result]) => [result!.nextExpectedRevision, result!.appended])).toEqual([
        [1, 2],
        [2, 1],
        [0, 1],
      ]);
      const all = await subject.other.readAll({ streamPrefixes: [tag] });
      expect(all.map((e) => e.type)).toEqual(['A0', 'A1', 'A2', 'B0']);
    });

    it('refuses as a conflict, writing nothing, a batch sent after one that failed', async () => {
      const append = pipelined();
      if (!append) return;
      await store.appendToStream(`${tag}a`, [event('Taken')]);
      const failing = append([{ stream: `${tag}a`, events: [event('A0')], expectedRevision: NO_STREAM }]);
      const after = append([{ stream: `${tag}b`, events: [event('B0')], expectedRevision: NO_STREAM }], failing.ticket);
      await expect(failing.results).rejects.toBeInstanceOf(ExpectedRevisionConflictError);
      await expect(after.results).rejects.toMatchObject({ stream: `${tag}b`, expected: NO_STREAM });
      expect((await subject.other.readAll({ streamPrefixes: [tag] })).map((e) => e.type)).toEqual(['Taken']);
      // The refusal passes on: what was sent after the refused batch is refused too.
      const next = append([{ stream: `${tag}c`, events: [event('C0')] }], after.ticket);
      await expect(next.results).rejects.toBeInstanceOf(ExpectedRevisionConflictError);
    });

    it('refuses a batch sent after one that held an event already recorded: it was decided on a write that did not happen', async () => {
      const append = pipelined();
      if (!append) return;
      const key = `web#${randomUUID()}`;
      await store.appendToStream(`${tag}a`, [event('A0', {}, key)]);
      const repeated = append([{ stream: `${tag}a`, events: [event('A0', {}, key), event('A1')], expectedRevision: 0 }]);
      const after = append([{ stream: `${tag}b`, events: [event('B0')], expectedRevision: NO_STREAM }], repeated.ticket);
      const [written] = await repeated.results;
      expect(written).toMatchObject({ appended: 1, duplicates: [key], nextExpectedRevision: 1 });
      await expect(after.results).rejects.toBeInstanceOf(ExpectedRevisionConflictError);
      expect((await subject.other.readAll({ streamPrefixes: [tag] })).map((e) => e.type)).toEqual(['A0', 'A1']);
    });
  });
};
