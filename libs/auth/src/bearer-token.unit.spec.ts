import { bearerTokenOf } from './bearer-token';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl';

describe('the bearer token of an Authorization header', () => {
  it.each([`Bearer ${JWT}`, `bearer ${JWT}`, `BEARER  ${JWT}`, ` Bearer ${JWT} `])('reads %j', (header) =>
    expect(bearerTokenOf(header)).toEqual({ token: JWT }),
  );

  it.each([
    `Bearer ${JWT} junk`,
    `Bearer ${JWT},Bearer ${JWT}`,
    `Basic ${JWT}`,
    `Bearer`,
    `Bearer${JWT}`,
    `Bearer "${JWT}"`,
    `Bearer\t${JWT}`,
    `Token ${JWT}`,
  ])('refuses %j', (header) => expect(bearerTokenOf(header)).toEqual({ problem: expect.stringMatching(/exactly "Bearer <JWT>"/) }));

  it('asks for a token when there is none', () => {
    expect(bearerTokenOf(undefined)).toEqual({ problem: expect.stringMatching(/bearer token is required/) });
    expect(bearerTokenOf('  ')).toEqual({ problem: expect.stringMatching(/bearer token is required/) });
  });
});
