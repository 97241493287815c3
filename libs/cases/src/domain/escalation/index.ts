export * from './escalation.rules';
export * from './escalation.saga';
export * from './exclusion-enforcement.saga';
