export * from './problem.schema';
export * from './problem-responses.decorator';
export * from './api-route.decorator';
export * from './api-document';
export * from './schemas';
