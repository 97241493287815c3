export * from './safety.events';
export * from './safety.commands';
export * from './safety.state';
export * from './safety.decider';
export * from './safety.queries';
export * from './safety.rules';
