export * from './decider-specification';
export * from './test-clock';
