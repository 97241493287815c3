export * from './regie-harness';
export * from './eventually';
export * from './sse-client';
export * from './kafka-broker';
export * from './child-app';
export * from './kafka-messages';
export * from './kpi-dataset';
