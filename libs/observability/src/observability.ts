import type { LoggerService } from '@nestjs/common';
import type { RequestHandler } from 'express';
import type { DestinationStream, Logger } from 'pino';
import { FrameworkLogger } from './framework-logger';
import { RegieMetrics } from './regie-metrics';
import { createRegieLog, type LogLevel } from './regie-log';
import { requestLogging } from './request-logging';

export interface ObservabilityOptions {
  readonly level: LogLevel;
  /** Where the JSON lines go; stdout when unset (tests capture them). */
  readonly destination?: DestinationStream;
}

/** One app instance's metrics and logs, made before Nest starts so that its own start-up is logged too. */
export interface Observability {
  readonly metrics: RegieMetrics;
  readonly log: Logger;
  /** For `app.useLogger`: Nest's logs and every `new Logger(context)`. */
  readonly frameworkLogger: LoggerService;
  /** The request logger, mounted first (libs/http configureHttp). */
  readonly requestLogging: RequestHandler;
}

export const createObservability = ({ level, destination }: ObservabilityOptions): Observability => {
  const log = createRegieLog(level, destination);
  // Silent (the tests, the benchmarks): no per-request logger to build for lines nobody writes.
  const requests: RequestHandler = level === 'silent' ? (_request, _response, next) => next() : requestLogging(log);
  return { metrics: new RegieMetrics(), log, frameworkLogger: new FrameworkLogger(log), requestLogging: requests };
};
