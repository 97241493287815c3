import { ValidationPipe, type INestApplication } from '@nestjs/common';
import { flattenValidationErrors } from '@regie/contracts';
import express, { type NextFunction, type Request, type Response } from 'express';
import { PROBLEM_CONTENT_TYPE, ProblemException, problemType } from './problem';
import { ProblemFilter } from './problem.filter';

export interface HttpOptions {
  /** Largest accepted request body, e.g. '1mb'. */
  readonly bodyLimit: string;
}

export const JSON_MEDIA_TYPES = [
  'application/json',
  'application/cloudevents+json',
  'application/cloudevents-batch+json',
  'application/*+json',
];

interface BodyParserError {
  readonly type?: string;
  readonly status?: number;
  readonly message?: string;
  readonly limit?: number;
}

/**
 * Body parsing errors happen before Nest's router, so they get their own problem+json handler.
 * An oversize body is 413 (RFC 9110), malformed JSON 400.
 */
const bodyParserProblems = (error: BodyParserError, request: Request, response: Response, next: NextFunction): void => {
  if (!error?.type) return next(error);
  const tooLarge = error.type === 'entity.too.large';
  const status = tooLarge ? 413 : (error.status ?? 400);
  response
    .status(status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(
      JSON.stringify({
        type: problemType(tooLarge ? 'body-too-large' : 'malformed-body'),
        title: tooLarge ? 'Content too large' : 'Malformed request body',
        status,
        detail: tooLarge ? `the body is larger than the limit of ${error.limit} bytes` : `the body is not valid JSON: ${error.message}`,
        errors: [{ path: '$', message: tooLarge ? `at most ${error.limit} bytes are accepted` : 'must be valid JSON' }],
        instance: request.originalUrl,
      }),
    );
};

/** Everything every Regie HTTP app shares: body limits, JSON media types, problem+json errors. */
export const configureHttp = (app: INestApplication, options: HttpOptions): void => {
  app.use(express.json({ limit: options.bodyLimit, type: JSON_MEDIA_TYPES, strict: false }));
  app.use(bodyParserProblems);
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => ProblemException.validation(flattenValidationErrors(errors)),
    }),
  );
  app.enableShutdownHooks();
};
