import type { GapItem } from './kpi-types';

export interface GapRow {
  readonly channel: string;
  /** In the order of the needs; undefined where the analysis has no item (a need added since). */
  readonly cells: readonly (GapItem | undefined)[];
}

export interface GapMatrix {
  readonly needs: readonly string[];
  readonly rows: readonly GapRow[];
}

const inOrder = (seen: readonly string[], order: readonly string[]): string[] => [
  ...order.filter((id) => seen.includes(id)),
  ...seen.filter((id) => !order.includes(id)),
];

/** Channel × need, in the concept's order of channels and needs; ids the labels do not know keep their place at the end. */
export const gapMatrix = (items: readonly GapItem[], channelOrder: readonly string[], needOrder: readonly string[]): GapMatrix => {
  const needs = inOrder([...new Set(items.map((item) => item.need))], needOrder);
  const channels = inOrder([...new Set(items.map((item) => item.channel))], channelOrder);
  return {
    needs,
    rows: channels.map((channel) => ({
      channel,
      cells: needs.map((need) => items.find((item) => item.channel === channel && item.need === need)),
    })),
  };
};
