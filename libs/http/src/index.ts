export * from './problem';
export * from './problem.filter';
export * from './configure-http';
export * from './paging';
export * from './dto-validation.pipe';
export * from './json-body.decorator';
export * from './request-id';
export * from './openapi';
