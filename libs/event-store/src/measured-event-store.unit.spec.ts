import { ExpectedRevisionConflictError } from './errors';
import { InMemoryEventStore } from './adapters/in-memory/in-memory-event-store';
import { MeasuredEventStore } from './measured-event-store';
import { NO_STREAM, STREAM_EXISTS } from './event-store.port';

const event = (key: string) => ({ type: 'Noted', data: { key }, metadata: { causationId: key, correlationId: key, actor: 'test' } });

describe('MeasuredEventStore', () => {
  it('times every append by outcome and passes results and errors through unchanged', async () => {
    const seen: [string, number][] = [];
    const store = new MeasuredEventStore(new InMemoryEventStore(), { storeAppended: (outcome, seconds) => seen.push([outcome, seconds]) });

    await expect(store.appendToStream('notes-1', [event('a')], { expectedRevision: NO_STREAM })).resolves.toMatchObject({ appended: 1 });
    await expect(store.appendToStream('notes-1', [event('b')], { expectedRevision: NO_STREAM })).rejects.toBeInstanceOf(
      ExpectedRevisionConflictError,
    );
    await expect(store.appendToStreams([{ stream: 'notes-2', events: [event('c')], expectedRevision: STREAM_EXISTS }])).rejects.toThrow();
    await store.appendToStreams([{ stream: 'notes-2', events: [event('d')] }]);

    expect(seen.map(([outcome]) => outcome)).toEqual(['ok', 'conflict', 'conflict', 'ok']);
    expect(seen.every(([, seconds]) => seconds >= 0 && seconds < 5)).toBe(true);
    expect((await store.readStream('notes-1')).map((recorded) => recorded.data)).toEqual([{ key: 'a' }]);
    expect(await store.headPosition()).toBe(2);
  });
});
