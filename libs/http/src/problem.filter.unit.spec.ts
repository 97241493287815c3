import { Logger, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { ProblemFilter } from './problem.filter';

const hostFor = (request: object) => {
  const response = { headersSent: false, status: jest.fn(), type: jest.fn(), send: jest.fn(), setHeader: jest.fn() };
  response.status.mockReturnValue(response);
  response.type.mockReturnValue(response);
  const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }) } as unknown as ArgumentsHost;
  return { host, response };
};

describe('ProblemFilter', () => {
  it('puts the request id in the body, the caller’s own when it looks like one', () => {
    const request = { method: 'GET', headers: { 'x-request-id': 'trace-0af7651916cd43dd' }, originalUrl: '/v1/cases' };
    const { host, response } = hostFor(request);
    new ProblemFilter().catch(new NotFoundException('no such case'), host);
    expect(JSON.parse(response.send.mock.calls[0][0] as string)).toMatchObject({ status: 404, requestId: 'trace-0af7651916cd43dd' });
    expect(response.setHeader).toHaveBeenCalledWith('X-Request-Id', 'trace-0af7651916cd43dd');
  });

  it.each(['', 'a sentence with spaces', 'x'.repeat(129), 'cust-1\nforged log line'])('makes a new request id instead of %j', (sent) => {
    const { host, response } = hostFor({ method: 'GET', headers: { 'x-request-id': sent }, originalUrl: '/v1/cases' });
    new ProblemFilter().catch(new NotFoundException('no such case'), host);
    expect(JSON.parse(response.send.mock.calls[0][0] as string).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  const errorLog = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  afterEach(() => errorLog.mockClear());
  afterAll(() => errorLog.mockRestore());

  it('logs an unexpected error with the route pattern and its class, never the raw path, query or message (a customer id)', () => {
    const request = {
      method: 'GET',
      headers: {},
      route: { path: '/v1/customers/:id/journey' },
      path: '/v1/customers/cust-7f3a/journey',
      originalUrl: '/v1/customers/cust-7f3a/journey?token=x',
    };
    const { host, response } = hostFor(request);
    new ProblemFilter().catch(new TypeError('no stream journey-cust-7f3a'), host);
    expect(response.status).toHaveBeenCalledWith(500);
    expect(errorLog.mock.calls[0][0]).toBe('GET /v1/customers/:id/journey failed: TypeError');
    expect(errorLog.mock.calls[0][1]).toMatch(/^\s+at .*problem\.filter\.unit\.spec\.ts/);
    expect(JSON.stringify(errorLog.mock.calls)).not.toContain('cust-7f3a');
  });

  it('says "before routing" for an error raised before a route matched', () => {
    const { host } = hostFor({ method: 'POST', headers: {}, path: '/v1/customers/cust-7f3a', originalUrl: '/v1/customers/cust-7f3a' });
    new ProblemFilter().catch(new Error('boom'), host);
    expect(errorLog.mock.calls[0][0]).toBe('POST (before routing) failed: Error');
    expect(JSON.stringify(errorLog.mock.calls)).not.toContain('cust-7f3a');
  });
});
