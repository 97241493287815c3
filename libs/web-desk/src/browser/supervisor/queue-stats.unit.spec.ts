import type { CaseView } from '../core/types';
import { queueRows } from './queue-stats';

const NOW = Date.parse('2026-03-01T10:00:00Z');
const waiting = (channel: string, secondsAgo: number, breached = false): CaseView =>
  ({ id: `case-${channel}-${secondsAgo}`, channel, openedAt: new Date(NOW - secondsAgo * 1000).toISOString(), breached }) as CaseView;
const TARGETS = { 'live-chat': { targetWaitSeconds: 60 }, phone: { targetWaitSeconds: 30 }, video: { targetWaitSeconds: 120 } };

describe('queues against the concept’s target wait', () => {
  it('counts the waiting cases per channel and judges the longest wait', () => {
    const rows = queueRows(
      [waiting('live-chat', 10), waiting('live-chat', 50), waiting('phone', 31), waiting('video', 20, true)],
      ['live-chat', 'phone', 'video', 'counter', 'email'],
      { ...TARGETS, email: { targetWaitSeconds: 3600 } },
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
    expect(queueRows([waiting('live-chat', 47)], ['live-chat'], TARGETS, NOW)[0].status).toBe('within');
  });
});
