import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { problemContent } from './problem.schema';

/** The error answers Regie gives (problem.filter.ts, body-parsing.ts), each as application/problem+json. */
export const PROBLEM_STATUSES = {
  400: 'Invalid request: `errors` lists each field that was wrong (body, query, path or header)',
  401: 'No bearer token, or one that is not valid (expired, wrong signature, issuer or audience)',
  403: 'The token holds none of the roles this route needs, or a rule forbids the caller this step',
  404: 'No such resource',
  409: 'In conflict with the current state (a step already taken, or a concurrent revision)',
  412: 'If-Match names a revision that is no longer the one in force: read it again and retry',
  413: 'The body is larger than the size limit, or holds more values than this route takes',
  415: 'The body is not JSON (Content-Type), or its encoding or charset is not supported',
  422: 'Refused by a rule of the domain or the service concept',
  429: 'Too many requests from this caller (when REGIE_RATE_LIMIT is on)',
  503: 'Not ready: a dependency (the event store) does not answer',
} as const;
export type ProblemStatus = keyof typeof PROBLEM_STATUSES;

/** Documents problem+json answers with these statuses; adds nothing at run time. */
export const ProblemResponses = (...statuses: ProblemStatus[]): MethodDecorator & ClassDecorator =>
  applyDecorators(...statuses.map((status) => ApiResponse({ status, description: PROBLEM_STATUSES[status], content: problemContent })));

/** What every route that takes a JSON body may answer before its handler runs (body-parsing.ts, the DTO pipe). */
export const BODY_PROBLEMS: readonly ProblemStatus[] = [400, 413, 415];
