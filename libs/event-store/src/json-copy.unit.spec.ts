import { jsonCopy } from './json-copy';

const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('jsonCopy', () => {
  it.each([
    ['a flat object', { customerId: 'c1', channel: 'chatbot', score: 7, answered: true, topic: null }],
    ['nested objects and arrays', { answers: { recommend: 9, effort: [1, 2, { free: 'text' }] }, tags: [] }],
    ['a Date, which JSON writes as text', { at: new Date(Date.UTC(2026, 0, 1)) }],
    ['undefined in an object, which JSON leaves out', { kept: 1, dropped: undefined }],
    ['undefined and a hole in an array, which JSON writes as null', { list: [1, undefined, , 4] }], // eslint-disable-line no-sparse-arrays
    ['numbers JSON cannot write', { nan: Number.NaN, infinite: Number.POSITIVE_INFINITY }],
    ['a value with a toJSON of its own', { money: { toJSON: () => '12.50 EUR' } }],
    ['a key named __proto__', JSON.parse('{"__proto__": {"polluted": true}, "kept": 1}') as unknown],
    ['an object without a prototype', Object.assign(Object.create(null) as object, { a: 1 })],
    ['a string', 'text'],
    ['null', null],
  ])('gives what a JSON round trip gives: %s', (_name, value) => {
    const copy = jsonCopy(value);
    expect(copy).toStrictEqual(roundTrip(value));
    expect(Object.getPrototypeOf({})).not.toHaveProperty('polluted');
  });

  it('shares nothing with what it copied', () => {
    const value = { answers: { recommend: 9 }, list: [{ a: 1 }] };
    const copy = jsonCopy(value);
    value.answers.recommend = 0;
    value.list[0]!.a = 2;
    expect(copy).toEqual({ answers: { recommend: 9 }, list: [{ a: 1 }] });
  });
});
