/**
 * How a failure is logged: its class and code and where it was thrown, never its message. Messages carry what
 * the failing call was about (a store error names the stream, `journey-<customer id>`; a Kafka error the key),
 * and no personal data may reach a log line.
 */
export const failureOf = (error: unknown): string => {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' || typeof code === 'number' ? `${error.name} (${code})` : error.name;
};

/** The stack without its first line, which repeats the message. */
export const stackFramesOf = (error: unknown): string | undefined =>
  error instanceof Error
    ? error.stack
        ?.split('\n')
        .filter((line) => /^\s+at /.test(line))
        .join('\n')
    : undefined;
