export * from './agent.events';
export * from './agent.commands';
export * from './agent.state';
export * from './agent.decider';
export * from './agent.rules';
export * from './agent-choice';
