export * from './handle-command';
export * from './ids';
export * from './leadership';
export * from './leadership.module';
export * from './reaction-metadata';
export * from './state-cache';
export * from './stream-handler';
export * from './module-imports';
