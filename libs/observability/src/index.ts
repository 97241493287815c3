export * from './regie-metrics';
export * from './regie-log';
export * from './request-logging';
export * from './framework-logger';
export * from './observability';
export * from './observability.module';
export * from './metrics.controller';
