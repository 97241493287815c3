export * from './web-desk.module';
export * from './desk-labels';
export * from './sign-in-links';
export { DESK_CSP } from './desk-page';
export * from './desk-config';
