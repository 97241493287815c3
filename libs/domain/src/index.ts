export * from './shared/decider';
export * from './concept';
export * from './journey';
export * from './case';
export * from './agent';
export * from './escalation';
export * from './safety';
export * from './measurement';
