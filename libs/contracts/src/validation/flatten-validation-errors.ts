import type { ValidationError } from 'class-validator';
import type { ValidationIssue } from '../validation-issue';

const join = (prefix: string, property: string): string => {
  if (/^\d+$/.test(property)) return `${prefix}[${property}]`;
  return prefix ? `${prefix}.${property}` : property;
};

/** class-validator's error tree as flat `{path, message}` issues, one per broken constraint. */
export const flattenValidationErrors = (errors: readonly ValidationError[], prefix = ''): ValidationIssue[] =>
  errors.flatMap((error) => {
    const path = join(prefix, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
