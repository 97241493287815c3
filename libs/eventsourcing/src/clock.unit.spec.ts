import fc from 'fast-check';
import { instantOf } from './clock';

/** Date.parse's answer, NaN included: instantOf must give the same number for every text. */
const sameAsDateParse = (text: string): boolean => Object.is(instantOf(text), Date.parse(text));

describe('instantOf', () => {
  it('reads every time Date.toISOString writes as Date.parse does, from year 0 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (instant) => {
        const text = new Date(instant).toISOString();
        return instantOf(text) === instant && sameAsDateParse(text);
      }),
      { numRuns: 20_000 },
    );
  });

  it('gives what Date.parse gives for texts of the same length and separators with anything at any place', () => {
    const template = '2026-02-28T23:59:59.999Z';
    const characters = fc.constantFrom(...'0123456789', ...'0123456789', ' ', '-', '+', 'a', 'Z', 'T', ':', '.', '٣');
    const texts = fc.array(fc.tuple(fc.integer({ min: 0, max: template.length - 1 }), characters), { maxLength: 3 }).map((changes) => {
      const text = template.split('');
      for (const [at, character] of changes) text[at] = character;
      return text.join('');
    });
    fc.assert(fc.property(texts, sameAsDateParse), { numRuns: 20_000 });
  });

  it('gives what Date.parse gives on the days past the 28th, the last second of a day and the edges of the form', () => {
    const dayAndTime = fc.tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      fc.integer({ min: 0, max: 25 }),
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: 0, max: 60 }),
    );
    const pad = (value: number, width: number) => String(value).padStart(width, '0');
    fc.assert(
      fc.property(dayAndTime, ([year, month, day, hour, minute, second]) =>
        sameAsDateParse(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}.123Z`),
      ),
      { numRuns: 20_000 },
    );
    for (const text of ['2024-02-29T00:00:00.000Z', '2026-02-29T00:00:00.000Z', '2026-04-31T12:00:00.000Z', '2026-01-01T24:00:00.000Z']) {
      expect(sameAsDateParse(text)).toBe(true);
    }
    for (const text of ['2026-01-01T09:30:00Z', '2026-01-01T09:30:00.000+01:00', '2026-01-01T09:30:00.1234Z', '', 'not a time']) {
      expect(sameAsDateParse(text)).toBe(true);
    }
  });

  it('gives NaN, as Date.parse does, for what is not a string (an event stored before its time was required)', () => {
    expect(instantOf(undefined as unknown as string)).toBeNaN();
    expect(instantOf(null as unknown as string)).toBeNaN();
  });
});
