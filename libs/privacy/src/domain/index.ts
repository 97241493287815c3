export * from './erasure.commands';
export * from './erasure.decider';
export * from './erasure.events';
export * from './journey-retention';
