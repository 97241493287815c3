import { checkJsonLimits, DEFAULT_JSON_LIMITS, holdsMoreValuesThan, type JsonLimits } from './json-limits';

const limits: JsonLimits = { maxDepth: 4, maxKeys: 3, maxItems: 3, maxStringLength: 5 };

const nested = (levels: number): unknown => {
  let value: unknown = 0;
  for (let level = 0; level < levels; level += 1) value = level % 2 === 0 ? [value] : { x: value };
  return value;
};

describe('checkJsonLimits', () => {
  it('accepts a document within every limit, and scalars', () => {
    expect(checkJsonLimits({ a: [1, 'abc', { b: null }], c: true }, limits)).toBeUndefined();
    expect(checkJsonLimits(nested(4), limits)).toBeUndefined();
    for (const scalar of [null, 1, 'short', false]) expect(checkJsonLimits(scalar, limits)).toBeUndefined();
  });

  it('refuses nesting past the depth, naming where, without recursing (100,000 levels)', () => {
    expect(checkJsonLimits({ a: { b: { c: { d: {} } } } }, limits)).toEqual({
      path: 'a.b.c.d',
      limit: 'depth',
      max: 4,
      message: 'objects and arrays nest at most 4 levels deep',
    });
    expect(checkJsonLimits(nested(100_000), DEFAULT_JSON_LIMITS)).toMatchObject({ limit: 'depth', max: 32 });
  });

  it('refuses too many keys, too many items, and long strings and keys', () => {
    expect(checkJsonLimits({ data: { a: 1, b: 2, c: 3, d: 4 } }, limits)).toMatchObject({ path: 'data', limit: 'keys', max: 3 });
    expect(checkJsonLimits({ list: [[1, 2, 3, 4]] }, limits)).toMatchObject({ path: 'list[0]', limit: 'items', max: 3 });
    expect(checkJsonLimits([1, 2, 3, 4], limits)).toMatchObject({ path: '$', limit: 'items', message: expect.stringMatching(/^a batch/) });
    expect(checkJsonLimits({ a: ['ok', 'too long'] }, limits)).toMatchObject({ path: 'a[1]', limit: 'string-length', max: 5 });
    expect(checkJsonLimits({ longer: 1 }, limits)).toMatchObject({ path: 'longer', limit: 'string-length' });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the reserved key %s anywhere', (key) => {
    const document = JSON.parse(`[{"data":{"answers":{"${key}":{"polluted":true}}}}]`) as unknown;
    expect(checkJsonLimits(document)).toMatchObject({ path: `[0].data.answers.${key}`, limit: 'reserved-key' });
  });

  it('reports the first problem it meets, siblings first to last', () => {
    expect(checkJsonLimits([{ a: 'fine' }, { b: 'far too long' }, { c: 'also too long' }], limits)).toMatchObject({ path: '[1].b' });
  });
});

describe('holdsMoreValuesThan', () => {
  it('counts every key and item, nested ones included, and stops early', () => {
    const document = { a: [1, 2, { b: 3 }], c: 'x' };
    expect(holdsMoreValuesThan(document, 6)).toBe(false);
    expect(holdsMoreValuesThan(document, 5)).toBe(true);
    expect(holdsMoreValuesThan('scalar', 0)).toBe(false);
  });
  it('refuses the NUL character in strings and keys, naming the path', () => {
    expect(checkJsonLimits([{ id: 'a\u0000b' }])).toMatchObject({ path: '[0].id', limit: 'nul-character' });
    expect(checkJsonLimits({ data: { ['k\u0000']: 1 } })).toMatchObject({ limit: 'nul-character' });
  });
});
