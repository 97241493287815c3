import { failureOf, stackFramesOf } from './failure';

describe('a failure as it is logged', () => {
  const error = Object.assign(new Error('cannot read stream journey-cust-7f3a: SQLITE_BUSY'), { code: 'SQLITE_BUSY' });

  it('names the class and the code, never the message', () => {
    expect(failureOf(error)).toBe('Error (SQLITE_BUSY)');
    expect(failureOf(new TypeError('cust-7f3a is not a function'))).toBe('TypeError');
    expect(failureOf('cust-7f3a')).toBe('string');
  });

  it('keeps where it was thrown, without the first line that repeats the message', () => {
    const frames = stackFramesOf(error)!;
    expect(frames).toMatch(/^\s+at /);
    expect(frames).not.toContain('cust-7f3a');
    expect(stackFramesOf('cust-7f3a')).toBeUndefined();
  });
});
