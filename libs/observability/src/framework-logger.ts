import type { LoggerService } from '@nestjs/common';
import { Logger, PinoLogger } from 'nestjs-pino';
import { storage } from 'nestjs-pino/storage';
import type { Logger as Pino } from 'pino';

/** This app's pino, or the request's child logger while a request is handled (its lines carry the request id). */
class AppPinoLogger extends PinoLogger {
  constructor(private readonly root: Pino) {
    super({ pinoHttp: { logger: root } });
  }

  override get logger(): Pino {
    return storage.getStore()?.logger ?? this.root;
  }
}

/** Nest's start-up chatter (a line per module and per route): debug, not info. */
const BOOTSTRAP_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/**
 * Nest's own logs (and every `new Logger(context)` in Regie) through this app's pino, not
 * nestjs-pino's process-wide one: several apps in one process each log where they were told.
 */
export class FrameworkLogger extends Logger implements LoggerService {
  constructor(root: Pino) {
    super(new AppPinoLogger(root), {});
  }

  override log(message: unknown, ...params: unknown[]): void {
    const context = params.at(-1);
    if (typeof context === 'string' && BOOTSTRAP_CONTEXTS.has(context)) super.debug(message, ...params);
    else super.log(message, ...params);
  }
}
