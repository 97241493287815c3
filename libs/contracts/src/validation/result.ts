import type { ValidationIssue } from '../validation-issue';

export type Validated<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: ValidationIssue[] };

export const valid = <T>(value: T): Validated<T> => ({ ok: true, value });
export const invalid = <T>(issues: ValidationIssue[]): Validated<T> => ({ ok: false, issues });
