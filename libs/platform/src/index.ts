export * from './health/health.module';
export * from './messaging-options';
export * from './regie.config';
export * from './store-options';
export * from './oidc-config';
export * from './api-docs/api-docs.module';
export * from './api-docs/api-docs';
