import { ruleBook, type RefusalKind, type RuleBook } from '@regie/eventsourcing';

/** What an agent's presence and capacity may refuse, and how. */
const AGENT_RULES = {
  'unknown-channels': 'invalid',
  'capacity-without-channel': 'unprocessable',
  'agent-not-available': 'conflict',
  'channel-not-served': 'forbidden',
  'capacity-full': 'conflict',
} as const satisfies Readonly<Record<string, RefusalKind>>;

export type AgentRule = keyof typeof AGENT_RULES;
export const agentRules: RuleBook<AgentRule> = ruleBook(AGENT_RULES);
