import type { QueueSummary } from '../core/types';

export type QueueStatus = 'empty' | 'within' | 'at-risk' | 'breached' | 'no-target';

export interface QueueRow {
  readonly channel: string;
  readonly waiting: number;
  readonly longestWaitSeconds?: number;
  readonly targetWaitSeconds?: number;
  readonly status: QueueStatus;
}

/** At this share of the target wait a queue is shown as at risk: time to move someone over. */
export const AT_RISK_SHARE = 0.8;

/**
 * One row per channel where people serve: how many wait, the longest wait, and how that stands against the
 * concept's target wait. A queue holding a case the server marked as breached is breached even if the clocks differ.
 */
export const queueRows = (queues: readonly QueueSummary[], channels: readonly string[], nowMs: number): QueueRow[] =>
  channels.map((channel) => {
    const queue = queues.find((candidate) => candidate.channel === channel);
    const waiting = queue?.waiting ?? 0;
    const target = queue?.targetWaitSeconds;
    const longest = waiting > 0 && queue?.oldestOpenedAt ? Math.max(0, (nowMs - Date.parse(queue.oldestOpenedAt)) / 1000) : undefined;
    const status: QueueStatus =
      target === undefined
        ? 'no-target'
        : longest === undefined
          ? 'empty'
          : (queue?.breached ?? 0) > 0 || longest > target
            ? 'breached'
            : longest >= target * AT_RISK_SHARE
              ? 'at-risk'
              : 'within';
    return {
      channel,
      waiting,
      status,
      ...(longest !== undefined && { longestWaitSeconds: longest }),
      ...(target !== undefined && { targetWaitSeconds: target }),
    };
  });
