import { assertNever, type Decider } from '@regie/eventsourcing';
import { agentRules } from './agent.rules';
import type { AgentCommand } from './agent.commands';
import type { AgentEvent } from './agent.events';
import { freeCapacity, type AgentState } from './agent.state';

const initialState = (): AgentState => ({ status: 'unknown' });

const decide = (command: AgentCommand, state: AgentState): AgentEvent[] => {
  switch (command.type) {
    case 'SetPresence': {
      const { channels, capacity } = command.data;
      const unserved = Object.keys(capacity).filter((channel) => !channels.includes(channel));
      if (unserved.length > 0) {
        agentRules.refuse('capacity-without-channel', `capacity is given for channels the agent does not serve: ${unserved.join(', ')}`);
      }
      return [{ type: 'PresenceChanged', data: command.data }];
    }
    case 'TakeCase': {
      const { caseId, channel, how, now } = command.data;
      if (state.status === 'unknown') agentRules.refuse('agent-not-available', 'the agent has never set a presence');
      if (state.openCases[caseId]) return [];
      if (state.status !== 'available') agentRules.refuse('agent-not-available', `the agent is ${state.status}`);
      if (!state.channels.includes(channel)) agentRules.refuse('channel-not-served', `the agent does not serve ${channel}`);
      if (freeCapacity(state, channel) === 0) agentRules.refuse('capacity-full', `the agent has no free ${channel} capacity`);
      return [{ type: 'CaseTaken', data: { agentId: state.agentId, caseId, channel, at: now, how } }];
    }
    case 'ReleaseCase': {
      if (state.status === 'unknown' || !state.openCases[command.data.caseId]) return [];
      const { caseId, why, now } = command.data;
      return [{ type: 'CaseReleased', data: { agentId: state.agentId, caseId, channel: state.openCases[caseId], at: now, why } }];
    }
    default:
      return assertNever(command);
  }
};

const evolve = (state: AgentState, event: AgentEvent): AgentState => {
  switch (event.type) {
    case 'PresenceChanged': {
      const { agentId, status, channels, capacity, at } = event.data;
      const openCases = state.status === 'unknown' ? {} : state.openCases;
      const becameAvailable = status === 'available' && state.status !== 'available';
      const lastActiveAt = state.status === 'unknown' || becameAvailable ? at : state.lastActiveAt;
      return { status, agentId, channels, capacity, openCases, lastActiveAt };
    }
    case 'CaseTaken':
      if (state.status === 'unknown') return state;
      return { ...state, openCases: { ...state.openCases, [event.data.caseId]: event.data.channel }, lastActiveAt: event.data.at };
    case 'CaseReleased': {
      if (state.status === 'unknown') return state;
      const { [event.data.caseId]: _released, ...openCases } = state.openCases;
      return { ...state, openCases };
    }
    default:
      return assertNever(event);
  }
};

export const agentDecider: Decider<AgentCommand, AgentEvent, AgentState> = { decide, evolve, initialState };
