export * from './decider-specification';
export * from './projection-specification';
export * from './saga-specification';
export * from './test-clock';
