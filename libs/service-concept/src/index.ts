export * from './load-service-concept';
export * from './validate-service-concept';
