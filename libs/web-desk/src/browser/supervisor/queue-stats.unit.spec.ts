import type { QueueSummary } from '../core/types';
import { queueRows } from './queue-stats';

const NOW = Date.parse('2026-03-01T10:00:00Z');
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();
const queue = (
  channel: string,
  targetWaitSeconds: number | undefined,
  waiting = 0,
  oldestSecondsAgo?: number,
  breached = 0,
): QueueSummary => ({
  channel,
  layer: 'assisted',
  waiting,
  breached,
  ...(oldestSecondsAgo !== undefined && { oldestOpenedAt: ago(oldestSecondsAgo) }),
  ...(targetWaitSeconds !== undefined && { targetWaitSeconds }),
});

describe('queues against the concept’s target wait', () => {
  it('shows the count per channel and judges the longest wait', () => {
    const rows = queueRows(
      [
        queue('live-chat', 60, 2, 50),
        queue('phone', 30, 1, 31),
        queue('video', 120, 1, 20, 1),
        queue('counter', undefined),
        queue('email', 3600),
      ],
      ['live-chat', 'phone', 'video', 'counter', 'email'],
      NOW,
    );
    expect(rows).toEqual([
      { channel: 'live-chat', waiting: 2, longestWaitSeconds: 50, targetWaitSeconds: 60, status: 'at-risk' },
      { channel: 'phone', waiting: 1, longestWaitSeconds: 31, targetWaitSeconds: 30, status: 'breached' },
      { channel: 'video', waiting: 1, longestWaitSeconds: 20, targetWaitSeconds: 120, status: 'breached' },
      { channel: 'counter', waiting: 0, status: 'no-target' },
      { channel: 'email', waiting: 0, targetWaitSeconds: 3600, status: 'empty' },
    ]);
  });

  it('is within target below four fifths of it', () => {
    expect(queueRows([queue('live-chat', 60, 1, 47)], ['live-chat'], NOW)[0].status).toBe('within');
  });

  it('shows a channel the server does not know yet as empty, without a target', () => {
    expect(queueRows([], ['live-chat'], NOW)).toEqual([{ channel: 'live-chat', waiting: 0, status: 'no-target' }]);
  });

  it('never shows a negative wait when the clocks differ', () => {
    expect(queueRows([queue('live-chat', 60, 1, -5)], ['live-chat'], NOW)[0]).toMatchObject({ longestWaitSeconds: 0, status: 'within' });
  });
});
