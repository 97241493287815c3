export * from './case.events';
export * from './case.commands';
export * from './case.state';
export * from './case.decider';
export * from './case-lifecycle.saga';
export * from './case.rules';
export * from './reservation.saga';
