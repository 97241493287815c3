export * from './agent';
export * from './case';
export * from './escalation';
