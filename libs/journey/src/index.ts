export * from './domain';
export * from './application/get-journey/get-journey.query';
export * from './application/ingest/ingest.module';
export * from './application/ingest/intake.module';
export * from './application/journey.module';
export * from './application/journey-streams';
export * from './application/record-interactions/record-interactions.command';
