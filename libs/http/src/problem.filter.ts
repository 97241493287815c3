import { failureOf, stackFramesOf } from '@regie/eventsourcing';
import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainRuleViolation } from '@regie/eventsourcing';
import { PROBLEM_CONTENT_TYPE, ProblemException, problemOfRefusal, problemType, type ProblemDetails } from './problem';
import { requestIdOf } from './request-id';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Content too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  503: 'Service unavailable',
};

const SLUGS: Record<number, string> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not-found', 429: 'rate-limited', 503: 'unavailable' };

const detailOf = (exception: HttpException): string => {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
};

/** Every error leaves as application/problem+json; unexpected ones say nothing about internals. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception);
    if (problem.status >= 500) {
      // The route pattern, the error's class and where it was thrown; never the body, the raw path or
      // query, nor the error's message (a store error names the stream: journey-<customer id>).
      this.logger.error(
        `${request.method} ${(request.route as { path?: string } | undefined)?.path ?? '(before routing)'} failed: ${failureOf(exception)}`,
        stackFramesOf(exception),
      );
    }
    if (response.headersSent) return;
    response
      .status(problem.status)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify({ ...problem, instance: request.originalUrl, requestId: requestIdOf(request, response) }));
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof ProblemException) return exception.problem;
    if (exception instanceof DomainRuleViolation) return problemOfRefusal(exception);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return {
        type: problemType(SLUGS[status] ?? `http-${status}`),
        title: TITLES[status] ?? 'Error',
        status,
        detail: detailOf(exception),
      };
    }
    return {
      type: problemType('internal'),
      title: 'Internal error',
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      detail: 'the request could not be handled; it has been logged',
    };
  }
}
