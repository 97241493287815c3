import type { IncomingMessage } from 'node:http';
import { requestIdOf } from '@regie/http';
import type { RequestHandler } from 'express';
import { Store, storage } from 'nestjs-pino/storage';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

interface RoutedRequest extends IncomingMessage {
  readonly baseUrl?: string;
  readonly route?: { readonly path?: unknown };
}

/** The route's pattern (`/v1/customers/:id/journey`), never the path itself: paths and queries hold customer ids. */
export const routeOf = (request: RoutedRequest): string =>
  typeof request.route?.path === 'string' ? `${request.baseUrl ?? ''}${request.route.path}` : '(no route)';

/**
 * pino-http for every request, mounted before the body is read so that refused bodies are logged
 * too: one line when it is answered (method, route pattern, status, duration), and the request id
 * on every line logged while it is handled (nestjs-pino's store holds the request's child logger).
 */
export const requestLogging = (log: Logger): RequestHandler => {
  const logRequests = pinoHttp({
    logger: log,
    genReqId: (request, response) => requestIdOf(request, response),
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    // The request is serialized when it arrives, before routing; the route is known when it is answered.
    serializers: {
      req: (request: { method?: string }) => ({ method: request.method }),
      res: (response: { statusCode?: number }) => ({ status: response.statusCode }),
    },
    customSuccessObject: (request, _response, fields: object) => ({ ...fields, route: routeOf(request) }),
    customErrorObject: (request, _response, _error, fields: object) => ({ ...fields, route: routeOf(request) }),
    customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: () => 'request answered',
    customErrorMessage: () => 'request failed',
  });
  return (request, response, next) => logRequests(request, response, () => storage.run(new Store(request.log), next));
};
