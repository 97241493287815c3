import { request, type ClientRequest } from 'node:http';

export interface SseEvent {
  readonly type: string;
  readonly id?: string;
  readonly data: unknown;
}

export interface SseConnection {
  readonly events: SseEvent[];
  readonly status: Promise<number>;
  close(): void;
}

/** A minimal server-sent-events reader: collects every event the server sends, and hands each to `onEvent`. */
export const openSse = (url: string, token: string, onEvent?: (event: SseEvent) => void): SseConnection => {
  const events: SseEvent[] = [];
  let req: ClientRequest;
  const status = new Promise<number>((resolve, reject) => {
    req = request(url, { headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` } }, (res) => {
      resolve(res.statusCode ?? 0);
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) =>
            block
              .split('\n')
              .filter((line) => line.startsWith(`${name}:`))
              .map((line) => line.slice(name.length + 1).trim());
          const data = field('data').join('\n');
          if (!data) continue;
          const event: SseEvent = { type: field('event')[0] ?? 'message', id: field('id')[0], data: JSON.parse(data) as unknown };
          events.push(event);
          onEvent?.(event);
        }
      });
    });
    req.on('error', (error) => (error.message.includes('socket hang up') ? undefined : reject(error)));
    req.end();
  });
  return { events, status, close: () => req.destroy() };
};
