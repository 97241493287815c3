import type { INestApplication } from '@nestjs/common';
import { DEFAULT_JSON_LIMITS, type JsonLimits } from '@regie/contracts';
import express, { type RequestHandler } from 'express';
import { bodyReadProblems, enforceJsonLimits, JSON_MEDIA_TYPES, requireJsonBodies } from './body-parsing';
import { DtoValidationPipe } from './dto-validation.pipe';
import { ProblemFilter } from './problem.filter';
import { assignRequestIds } from './request-id';

export { JSON_MEDIA_TYPES } from './body-parsing';

export interface HttpOptions {
  /** Largest accepted request body, e.g. '1mb'. */
  readonly bodyLimit: string;
  /** Depth, keys per object, items per array and string length of any JSON body. */
  readonly jsonLimits?: JsonLimits;
  /** Logs each request; mounted right after the request id, before any body is read (so refused ones are logged too). */
  readonly requestLogging?: RequestHandler;
}

/**
 * Everything every Regie HTTP app shares. A body passes, in order: media type (415), reading,
 * inflating and parsing (413 over the size limit, 400 when corrupt), the JSON limits (400/413),
 * then guards, and the DTO pipe (at most DTO_MAX_VALUES values are mapped) before controllers.
 * Every error leaves as problem+json. Before all of it, every request gets its id (X-Request-Id) and is logged.
 */
export const configureHttp = (app: INestApplication, options: HttpOptions): void => {
  (app.getHttpAdapter().getInstance() as express.Express).disable('x-powered-by');
  app.use(assignRequestIds);
  if (options.requestLogging) app.use(options.requestLogging);
  app.use(requireJsonBodies);
  app.use(express.json({ limit: options.bodyLimit, type: JSON_MEDIA_TYPES, strict: false }));
  app.use(bodyReadProblems);
  app.use(enforceJsonLimits(options.jsonLimits ?? DEFAULT_JSON_LIMITS));
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalPipes(new DtoValidationPipe());
  app.enableShutdownHooks();
};
