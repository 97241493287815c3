export * from './problem';
export * from './problem.filter';
export * from './configure-http';
export * from './paging';
