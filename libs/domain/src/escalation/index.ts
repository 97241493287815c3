export * from './escalation.rules';
export * from './escalation.saga';
