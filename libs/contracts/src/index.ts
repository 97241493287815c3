export * from './validation-issue';
export * from './validation/result';
export * from './validation/json-limits';
export * from './validation/flatten-validation-errors';
export * from './interactions/interaction';
export * from './interactions/validate-interaction';
export { CUSTOMER_ID_PATTERN } from './interactions/interaction.dto';
