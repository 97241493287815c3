export * from './domain';
export * from './application/projections.module';
export * from './application/registry';
