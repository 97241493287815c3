import { HttpException, HttpStatus } from '@nestjs/common';
import type { ValidationIssue } from '@regie/contracts';
import type { DomainRuleViolation, RefusalKind } from '@regie/eventsourcing';

/** RFC 9457 problem details. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly errors?: readonly ValidationIssue[];
  readonly [extension: string]: unknown;
}

/** A problem lists at most this many errors; `totalErrors` says how many there were. */
export const MAX_LISTED_ERRORS = 100;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const problemType = (slug: string): string => `urn:regie:problem:${slug}`;

/** Thrown by controllers and handlers; the filter writes its body as it is. */
export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemDetails) {
    super(problem, problem.status);
  }

  /** Lists the first {@link MAX_LISTED_ERRORS} issues and counts them all: an answer stays small however bad the input. */
  static validation(issues: readonly ValidationIssue[], detail = 'the request is not valid'): ProblemException {
    const total = issues.length;
    const listed = total > MAX_LISTED_ERRORS ? `, the first ${MAX_LISTED_ERRORS} listed in errors` : ', see errors';
    return new ProblemException({
      type: problemType('validation'),
      title: 'Invalid request',
      status: HttpStatus.BAD_REQUEST,
      detail: `${detail}: ${total} problem${total === 1 ? '' : 's'}${listed}`,
      errors: issues.slice(0, MAX_LISTED_ERRORS),
      totalErrors: total,
    });
  }

  static ruleViolated(rule: string, detail: string, status: number = HttpStatus.UNPROCESSABLE_ENTITY): ProblemException {
    return new ProblemException({ type: problemType(rule), title: 'Refused by a rule', status, detail, rule });
  }

  static notFound(detail: string): ProblemException {
    return new ProblemException({ type: problemType('not-found'), title: 'Not found', status: HttpStatus.NOT_FOUND, detail });
  }
}

const STATUS_OF_KIND: Readonly<Record<RefusalKind, number>> = {
  forbidden: HttpStatus.FORBIDDEN,
  conflict: HttpStatus.CONFLICT,
  'precondition-failed': HttpStatus.PRECONDITION_FAILED,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  'not-found': HttpStatus.NOT_FOUND,
  invalid: HttpStatus.BAD_REQUEST,
};

/** A refused rule as problem details: bad input names its fields, the rest names the rule in `type`. */
export const problemOfRefusal = (refusal: DomainRuleViolation): ProblemDetails => {
  switch (refusal.kind) {
    case 'invalid':
      return ProblemException.validation(refusal.fields, refusal.message).problem;
    case 'not-found':
      return ProblemException.notFound(refusal.message).problem;
    default:
      return ProblemException.ruleViolated(refusal.rule, refusal.message, STATUS_OF_KIND[refusal.kind]).problem;
  }
};
