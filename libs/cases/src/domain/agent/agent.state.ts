import type { PresenceStatus } from './agent.events';

export type AgentState =
  | { readonly status: 'unknown' }
  | {
      readonly status: PresenceStatus;
      readonly agentId: string;
      readonly channels: readonly string[];
      readonly capacity: Readonly<Record<string, number>>;
      /** caseId → channel of every case the agent holds. */
      readonly openCases: Readonly<Record<string, string>>;
      /** Last time the agent became available or took a case: longest idle is served first. */
      readonly lastActiveAt: string;
    };

export const openOnChannel = (state: AgentState, channel: string): number =>
  state.status === 'unknown' ? 0 : Object.values(state.openCases).filter((held) => held === channel).length;

export const freeCapacity = (state: AgentState, channel: string): number => {
  if (state.status !== 'available' || !state.channels.includes(channel)) return 0;
  return Math.max(0, (state.capacity[channel] ?? 0) - openOnChannel(state, channel));
};
