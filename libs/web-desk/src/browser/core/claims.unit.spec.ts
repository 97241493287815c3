import { claimsOf, isExpired, tokenInFragment } from './claims';

const jwt = (payload: object) => `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.signature`;

describe('reading a sign-in token in the page', () => {
  it('reads the subject, the roles and the expiry, also from non-ASCII payloads', () => {
    expect(claimsOf(jwt({ sub: 'agent-ünal', roles: ['agent', 7, 'supervisor'], exp: 1_800_000_000 }))).toEqual({
      sub: 'agent-ünal',
      roles: ['agent', 'supervisor'],
      exp: 1_800_000_000,
    });
  });

  it('refuses what is not a token with a subject', () => {
    expect(claimsOf('not-a-token')).toBeUndefined();
    expect(claimsOf('a.b.c')).toBeUndefined();
    expect(claimsOf(jwt({ roles: ['agent'] }))).toBeUndefined();
  });

  it('knows an expired token', () => {
    const claims = { sub: 'a', roles: [], exp: 1000 };
    expect(isExpired(claims, 999_999)).toBe(false);
    expect(isExpired(claims, 1_000_000)).toBe(true);
    expect(isExpired({ sub: 'a', roles: [] }, Date.now())).toBe(false);
  });

  it('takes the token out of the fragment and keeps the rest', () => {
    expect(tokenInFragment('#access_token=abc.def.ghi')).toEqual({ token: 'abc.def.ghi', rest: '' });
    expect(tokenInFragment('#case=7&access_token=abc')).toEqual({ token: 'abc', rest: '#case=7' });
    expect(tokenInFragment('')).toEqual({ rest: '' });
  });
});
