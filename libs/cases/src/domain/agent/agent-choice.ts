import { freeCapacity, type AgentState } from './agent.state';

type Present = Exclude<AgentState, { readonly status: 'unknown' }>;

/**
 * The agents a case waiting on `channel` goes to, in the order to try them (shared/DESIGN.md §5):
 * available, serving the channel with capacity to spare there, longest idle first. Agents idle
 * equally long keep the order they are given in.
 */
export const chooseAgents = (channel: string, agents: Iterable<AgentState>): string[] =>
  [...agents]
    .filter((agent): agent is Present => freeCapacity(agent, channel) > 0)
    .sort((a, b) => a.lastActiveAt.localeCompare(b.lastActiveAt))
    .map((agent) => agent.agentId);
