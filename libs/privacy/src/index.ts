export * from './domain';
export * from './application/privacy.module';
export * from './application/erasure-status';
