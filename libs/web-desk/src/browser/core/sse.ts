/// <reference lib="dom" />
import { authorization, refuseSession, SignedOut } from './api';
import { SseParser, type ServerSentEvent } from './sse-parser';

export type StreamStatus = 'connecting' | 'live' | 'reconnecting';

const RETRY_MS = 2000;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * Follows a server-sent-events endpoint with the bearer token (fetch + ReadableStream), and
 * reconnects after a break until `signal` aborts. The server sends what it holds first on every connect.
 */
export const followStream = async (
  path: string,
  onEvent: (event: ServerSentEvent) => void,
  onStatus: (status: StreamStatus) => void,
  signal: AbortSignal,
): Promise<void> => {
  onStatus('connecting');
  while (!signal.aborted) {
    try {
      const response = await fetch(path, { headers: { ...authorization(), Accept: 'text/event-stream' }, signal });
      if (response.status === 401) refuseSession();
      if (response.ok && response.body) {
        onStatus('live');
        const parser = new SseParser();
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parser.push(value).forEach(onEvent);
        }
      }
    } catch (error) {
      if (error instanceof SignedOut) return;
    }
    if (signal.aborted) return;
    onStatus('reconnecting');
    await sleep(RETRY_MS, signal);
  }
};
