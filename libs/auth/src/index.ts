export * from './roles';
export * from './principal';
export * from './token-verifier';
export * from './auth.guard';
export * from './auth.module';
export * from './jwt-secret';
export * from './caller-throttler.guard';
