import type { RecordedEvent } from '../event-store.port';
import { RecentEvents } from './recent-events';

const at = (position: number, streamName = `journey-${position}`): RecordedEvent => ({
  type: 'E',
  data: {},
  metadata: { causationId: 'c', correlationId: 'c', actor: 'a' },
  eventId: `e${position}`,
  streamName,
  revision: 0,
  position,
  recordedAt: '2026-01-01T00:00:00.000Z',
});
const positions = (events: RecordedEvent[] | undefined) => events?.map((event) => event.position);

describe('RecentEvents', () => {
  it('answers reads inside what it holds, by prefix and page, and leaves the rest to the store', () => {
    const recent = new RecentEvents();
    expect(recent.read({ after: 0 })).toBeUndefined();
    recent.appended([at(5), at(6, 'case-1'), at(7)]);
    recent.appended([at(8, 'case-2')]);

    expect(positions(recent.read({ after: 4 }))).toEqual([5, 6, 7, 8]);
    expect(positions(recent.read({ after: 5, streamPrefixes: ['case-'] }))).toEqual([6, 8]);
    expect(positions(recent.read({ after: 4, maxCount: 2 }))).toEqual([5, 6]);
    expect(recent.read({ after: 3 })).toBeUndefined(); // position 4 may be in the store
    expect(recent.read({ after: 8 })).toBeUndefined(); // another process may have appended since
  });

  it('starts again when an append does not follow on (another writer in between), and forgets erased streams', () => {
    const recent = new RecentEvents();
    recent.appended([at(1), at(2, 'safety-x')]);
    recent.erased('safety-x');
    expect(positions(recent.read({ after: 0 }))).toEqual([1]);
    recent.appended([at(5)]);
    expect(recent.read({ after: 2 })).toBeUndefined();
    expect(positions(recent.read({ after: 4 }))).toEqual([5]);
  });

  it('lets go of what every follower has handled, and still answers reads after it', () => {
    const recent = new RecentEvents();
    recent.appended(Array.from({ length: 1_000 }, (_, index) => at(index + 1)));
    recent.handledThrough(600);
    expect(recent.read({ after: 599 })).toBeUndefined(); // position 600 has gone: the store answers
    expect(positions(recent.read({ after: 600, maxCount: 2 }))).toEqual([601, 602]);
    expect(recent.read({ after: 1_000 })).toBeUndefined();
    recent.appended([at(1_001)]);
    expect(positions(recent.read({ after: 999 }))).toEqual([1_000, 1_001]);
  });

  it('keeps a few handled events until there are enough to let go of at once', () => {
    const recent = new RecentEvents();
    recent.appended(Array.from({ length: 1_000 }, (_, index) => at(index + 1)));
    recent.handledThrough(10);
    expect(recent.read({ after: 0, maxCount: 1 })?.[0]?.position).toBe(1);
  });

  it('keeps at most its capacity, answering only for what it kept', () => {
    const recent = new RecentEvents(4);
    recent.appended([1, 2, 3, 4, 5].map((position) => at(position)));
    expect(recent.read({ after: 1 })).toBeUndefined();
    expect(positions(recent.read({ after: 3 }))).toEqual([4, 5]);
  });
});
