import { HttpStatus } from '@nestjs/common';
import { checkJsonLimits, type JsonLimits, type JsonLimitViolation } from '@regie/contracts';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ProblemException, problemType } from './problem';

export const JSON_MEDIA_TYPES = [
  'application/json',
  'application/cloudevents+json',
  'application/cloudevents-batch+json',
  'application/*+json',
];
const NAMED_MEDIA_TYPES = JSON_MEDIA_TYPES.filter((type) => !type.includes('*'));
const CONTENT_ENCODINGS = ['identity', 'gzip', 'deflate', 'br'];

const hasContent = (request: Request): boolean =>
  request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;

/** A body Regie would not read (text, a form, no content type at all) is 415, naming what is accepted. */
export const requireJsonBodies: RequestHandler = (request, _response, next) => {
  if (!hasContent(request) || request.is(JSON_MEDIA_TYPES)) return next();
  const sent = request.headers['content-type'] ? `Content-Type ${request.headers['content-type'].split(';')[0]}` : 'no Content-Type';
  next(
    new ProblemException({
      type: problemType('unsupported-media-type'),
      title: 'Unsupported media type',
      status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      detail: `the body must be JSON (sent with ${sent}): use Content-Type ${NAMED_MEDIA_TYPES.join(', ')} or another application/*+json`,
      errors: [{ path: 'Content-Type', message: `must be one of: ${JSON_MEDIA_TYPES.join(', ')}` }],
      accepted: JSON_MEDIA_TYPES,
    }),
  );
};

interface BodyReadError {
  readonly type?: string;
  readonly status?: number;
  readonly message?: string;
  readonly limit?: number;
  readonly code?: string;
}

interface BodyProblem {
  readonly status: number;
  readonly slug: string;
  readonly title: string;
  readonly detail: string;
  readonly path: string;
  readonly message: string;
}

const MALFORMED = { status: 400, slug: 'malformed-body', title: 'Malformed request body' } as const;
const UNSUPPORTED = { status: 415, title: 'Unsupported media type' } as const;

/** body-parser's error types (http-errors `type`), as what the client sent wrong and what is accepted. */
const BODY_PROBLEMS: Readonly<Record<string, (error: BodyReadError, encoding: string) => BodyProblem>> = {
  'entity.too.large': ({ limit }) => ({
    status: 413,
    slug: 'body-too-large',
    title: 'Content too large',
    detail: `the body is larger than the limit of ${limit} bytes`,
    path: '$',
    message: `at most ${limit} bytes are accepted`,
  }),
  'encoding.unsupported': (_, encoding) => ({
    ...UNSUPPORTED,
    slug: 'unsupported-encoding',
    detail: `Content-Encoding ${encoding} is not supported`,
    path: 'Content-Encoding',
    message: `must be one of: ${CONTENT_ENCODINGS.join(', ')}`,
  }),
  'charset.unsupported': ({ message }) => ({
    ...UNSUPPORTED,
    slug: 'unsupported-charset',
    detail: `${message}: JSON is read as UTF-8`,
    path: 'Content-Type',
    message: 'charset must be utf-8',
  }),
  'entity.parse.failed': ({ message }) => ({
    ...MALFORMED,
    detail: `the body is not valid JSON: ${message}`,
    path: '$',
    message: 'must be valid JSON',
  }),
};

const problemOfBodyError = (error: BodyReadError, request: Request): ProblemException => {
  const encoding = String(request.headers['content-encoding'] ?? 'identity').toLowerCase();
  const known = error.type ? BODY_PROBLEMS[error.type] : undefined;
  const inflating = error.code?.startsWith('Z_') || encoding !== 'identity';
  const { status, slug, title, detail, path, message }: BodyProblem = known
    ? known(error, encoding)
    : inflating
      ? {
          ...MALFORMED,
          detail: `the body is not valid ${encoding} data (Content-Encoding: ${encoding}): ${error.message}`,
          path: 'Content-Encoding',
          message: `the body must be ${encoding}-encoded JSON`,
        }
      : {
          ...MALFORMED,
          status: error.status ?? 400,
          detail: `the body could not be read: ${error.message}`,
          path: '$',
          message: 'must be a complete JSON body',
        };
  return new ProblemException({ type: problemType(slug), title, status, detail, errors: [{ path, message }] });
};

/**
 * Errors of reading and parsing a body happen before Nest's router: every one of them a client
 * can cause becomes problem+json here (an oversize body is 413, a corrupt gzip stream 400), so
 * none reaches the filter as an unexpected 500.
 */
export const bodyReadProblems = (error: unknown, request: Request, _response: Response, next: NextFunction): void => {
  if (error instanceof ProblemException) return next(error);
  const read = error as BodyReadError | undefined;
  const status = read?.status ?? 0;
  if (status >= 400 && status < 500) return next(problemOfBodyError(read!, request));
  next(error);
};

const SHAPE_LIMITS: ReadonlySet<JsonLimitViolation['limit']> = new Set(['depth', 'reserved-key', 'nul-character']);

export const limitProblem = (violation: JsonLimitViolation): ProblemException => {
  const shape = SHAPE_LIMITS.has(violation.limit);
  const { path, message, limit, max } = violation;
  return new ProblemException({
    type: problemType('input-limit'),
    title: shape ? 'Request body outside the accepted shape' : 'Content too large',
    status: shape ? HttpStatus.BAD_REQUEST : HttpStatus.PAYLOAD_TOO_LARGE,
    detail: `${path}: ${message}; nothing was recorded`,
    errors: [{ path, message }],
    limit: { name: limit, ...(max !== undefined && { max }) },
  });
};

/**
 * One walk over every parsed body, iterative and linear, before any guard, pipe or mapper sees
 * it: class-transformer and class-validator recurse, copy and trip over prototype keys, so what
 * reaches them is bounded in depth, width and string length.
 */
export const enforceJsonLimits =
  (limits: JsonLimits): RequestHandler =>
  (request, _response, next) => {
    const check = () => {
      const violation = request.body === undefined ? undefined : checkJsonLimits(request.body, limits);
      next(violation ? limitProblem(violation) : undefined);
    };
    // Parsing a large body took its turn of the event loop; the walk over it takes the next one.
    if (Number(request.headers['content-length'] ?? 0) > LARGE_BODY_BYTES) setImmediate(check);
    else check();
  };

const LARGE_BODY_BYTES = 64 * 1024;
