export * from './domain';
export * from './application/concept-desk.module';
export * from './application/concept-in-force';
export * from './application/concept.module';
export * from './application/file/load-service-concept';
export * from './application/file/validate-service-concept';
