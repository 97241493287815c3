import { CloudEvent } from 'cloudevents';
import fc from 'fast-check';
import { CloudEventCheck, isPlainUtcTime, type CheckedAttributes } from './cloud-event-check';

const attributes = (overrides: Partial<CheckedAttributes> = {}): CheckedAttributes => ({
  id: 'evt-1',
  source: 'urn:regie:chatbot',
  type: 'bot.fallback',
  subject: 'cust-7f3a',
  time: '2026-03-01T09:30:00Z',
  data: { channel: 'chatbot', contactId: 'chat-1' },
  ...overrides,
});

/** The SDK's own verdict, asked every time. */
const sdkAccepts = (checked: CheckedAttributes): boolean => {
  try {
    new CloudEvent({ ...checked, specversion: '1.0', datacontenttype: 'application/json' });
    return true;
  } catch {
    return false;
  }
};

const twoDigits = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));

/** Times in and around the plain UTC form: days past a month's end, hours past 23, fractions, offsets, lower case. */
const timesNearThePlainForm = fc
  .tuple(
    fc.oneof(
      fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
      fc.constantFrom('abcd', '+024', '2é24', '202０', '-001', ' 202'),
    ),
    twoDigits(13),
    twoDigits(32),
    fc.constantFrom('T', 't', ' '),
    twoDigits(25),
    twoDigits(61),
    twoDigits(61),
    fc.constantFrom('', '.', '.5', '.123', '.123456789', '.1234567890', '.x'),
    fc.constantFrom('Z', 'z', '', '+01:00', '-00:00'),
  )
  .map(([year, month, day, separator, hour, minute, second, fraction, zone]) =>
    [year, '-', month, '-', day, separator, hour, ':', minute, ':', second, fraction, zone].join(''),
  );

describe('isPlainUtcTime', () => {
  it('given a time in the plain UTC form of a real day, then the SDK accepts it (every time it says yes)', () => {
    fc.assert(
      fc.property(timesNearThePlainForm, (time) => {
        if (isPlainUtcTime(time)) expect(sdkAccepts(attributes({ time }))).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  it('takes the form platforms send, and leaves anything else to the SDK', () => {
    expect(isPlainUtcTime('2026-03-01T09:30:00Z')).toBe(true);
    expect(isPlainUtcTime('2024-02-29T23:59:59.123Z')).toBe(true);
    expect(isPlainUtcTime('2026-02-29T09:30:00Z')).toBe(false); // not a leap year
    expect(isPlainUtcTime('2100-02-29T09:30:00Z')).toBe(false);
    expect(isPlainUtcTime('2026-04-31T09:30:00Z')).toBe(false);
    expect(isPlainUtcTime('2026-03-01T24:00:00Z')).toBe(false);
    expect(isPlainUtcTime('2026-03-01T09:30:00+01:00')).toBe(false); // valid, but asked about
    expect(isPlainUtcTime('2026-03-01T09:30:00.Z')).toBe(false);
    expect(isPlainUtcTime('2026-03-01T09:30:00.1234567890Z')).toBe(false);
  });
});

describe('CloudEventCheck', () => {
  it('given a source the SDK refused, when it comes again, then it is refused again', () => {
    const check = new CloudEventCheck();
    const bad = attributes({ source: 'not a uri reference' });
    expect(check.problemWith(bad)).toMatch(/invalid/);
    expect(check.problemWith(bad)).toMatch(/invalid/);
  });

  it('given a source the SDK accepted, when a time outside the plain form comes with it, then the SDK is asked', () => {
    const check = new CloudEventCheck();
    expect(check.problemWith(attributes())).toBeUndefined();
    expect(check.problemWith(attributes({ time: '2026-03-01T09:30:00+01:00' }))).toBeUndefined();
    expect(check.problemWith(attributes({ time: '2026-02-30T09:30:00+01:00' }))).toMatch(/invalid/);
  });

  it('given any attributes, then its verdict is the SDK asked every time', () => {
    const check = new CloudEventCheck();
    const sources = fc.constantFrom('urn:regie:chatbot', 'https://web.example/forms', 'a b', '', '#x', 'urn:x\\y');
    fc.assert(
      fc.property(sources, timesNearThePlainForm, (source, time) => {
        const checked = attributes({ source, time });
        expect(check.problemWith(checked) === undefined).toBe(sdkAccepts(checked));
      }),
      { numRuns: 3_000 },
    );
  });
});
