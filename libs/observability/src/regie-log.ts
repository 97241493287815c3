import pino, { type DestinationStream, type Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Blanked wherever they turn up, should anything log a request, its headers or a token whole.
 * The request serializer already keeps only method and route; this is the second line.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'authorization',
  'token',
  'access_token',
  '*.token',
  '*.access_token',
];

/** JSON lines (pino): ISO time, the level by name, redaction; to stdout unless given a destination. */
export const createRegieLog = (level: LogLevel, destination?: DestinationStream): Logger => {
  const options: pino.LoggerOptions = {
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  // Synchronous on stdout, so lines keep their order with what the app writes there itself (the development tokens).
  return pino(options, destination ?? pino.destination({ dest: 1, sync: true }));
};
