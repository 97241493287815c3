import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What a caller's own id may look like to be kept: a UUID, a ULID, a trace id; nothing that could carry a sentence. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:+=/-]{1,128}$/;

const ids = new WeakMap<IncomingMessage, string>();

/**
 * The request's id: the caller's `X-Request-Id` when it looks like an id, else a new UUID; echoed
 * in the response header. The same answer for the whole request (the logs, the problem body).
 */
export const requestIdOf = (request: IncomingMessage, response: ServerResponse): string => {
  const known = ids.get(request);
  if (known) return known;
  const sent = request.headers[REQUEST_ID_HEADER];
  const id = typeof sent === 'string' && SANE_REQUEST_ID.test(sent) ? sent : randomUUID();
  ids.set(request, id);
  if (!response.headersSent) response.setHeader('X-Request-Id', id);
  return id;
};

export const assignRequestIds: RequestHandler = (request, response, next) => {
  requestIdOf(request, response);
  next();
};
