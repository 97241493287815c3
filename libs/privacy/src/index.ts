export * from './domain';
export * from './application/privacy.module';
export * from './application/erasure-status';
export * from './application/retention/last-contacts.port';
