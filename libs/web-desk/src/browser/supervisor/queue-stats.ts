import type { CaseView } from '../core/types';

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
 * concept's target wait. A case the server marked as breached counts as breached even if the clocks differ.
 */
export const queueRows = (
  queued: readonly CaseView[],
  channels: readonly string[],
  targets: Readonly<Record<string, { readonly targetWaitSeconds: number }>>,
  nowMs: number,
): QueueRow[] =>
  channels.map((channel) => {
    const waiting = queued.filter((view) => view.channel === channel);
    const target = targets[channel]?.targetWaitSeconds;
    const longest = waiting.length ? Math.max(...waiting.map((view) => (nowMs - Date.parse(view.openedAt)) / 1000)) : undefined;
    const status: QueueStatus =
      target === undefined
        ? 'no-target'
        : longest === undefined
          ? 'empty'
          : waiting.some((view) => view.breached) || longest > target
            ? 'breached'
            : longest >= target * AT_RISK_SHARE
              ? 'at-risk'
              : 'within';
    return {
      channel,
      waiting: waiting.length,
      status,
      ...(longest !== undefined && { longestWaitSeconds: Math.max(0, longest) }),
      ...(target !== undefined && { targetWaitSeconds: target }),
    };
  });
