export * from './journey.events';
export * from './journey.commands';
export * from './journey.state';
export * from './journey.decider';
export type { PersistentMap } from './persistent-map';
