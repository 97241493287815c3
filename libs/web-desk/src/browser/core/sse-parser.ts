/** One server-sent event: its `event` name (default `message`), `id` and `data` (lines joined). */
export interface ServerSentEvent {
  readonly type: string;
  readonly id?: string;
  readonly data: string;
}

/**
 * Reads the text/event-stream format from chunks as they arrive. EventSource cannot send an
 * Authorization header, so the pages read the stream with fetch() and parse it here.
 */
export class SseParser {
  private buffer = '';

  push(chunk: string): ServerSentEvent[] {
    this.buffer += chunk.replace(/\r\n?/g, '\n');
    const events: ServerSentEvent[] = [];
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const event = parseBlock(block);
      if (event) events.push(event);
    }
    return events;
  }
}

const parseBlock = (block: string): ServerSentEvent | undefined => {
  let type = 'message';
  let id: string | undefined;
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') type = value;
    else if (field === 'id') id = value;
    else if (field === 'data') data.push(value);
  }
  return data.length === 0 ? undefined : { type, data: data.join('\n'), ...(id !== undefined && { id }) };
};
