import { SseParser } from './sse-parser';

describe('reading server-sent events from chunks', () => {
  it('yields each event once its block is complete, however the chunks fall', () => {
    const parser = new SseParser();
    expect(parser.push('event: case.assigned\nid: case-1\nda')).toEqual([]);
    expect(parser.push('ta: {"id":"case-1"}\n\nevent: case.assigned\r\ndata: {"id":"case-2"}\r\n\r\n')).toEqual([
      { type: 'case.assigned', id: 'case-1', data: '{"id":"case-1"}' },
      { type: 'case.assigned', data: '{"id":"case-2"}' },
    ]);
  });

  it('joins data lines, defaults the type, and skips comments and events without data', () => {
    const parser = new SseParser();
    expect(parser.push(': keep-alive\n\ndata: one\ndata: two\n\nevent: ping\n\n')).toEqual([{ type: 'message', data: 'one\ntwo' }]);
  });
});
