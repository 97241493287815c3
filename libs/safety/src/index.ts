export * from './domain';
export * from './application/exclusions.port';
export * from './application/safety.module';
export * from './application/timekeeper';
export * from './application/safety-streams';
