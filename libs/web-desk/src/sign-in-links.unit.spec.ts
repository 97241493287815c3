import { deskSignInLink } from './sign-in-links';

describe('the sign-in links npm start prints', () => {
  it('leads each desk role to its page with the token in the fragment', () => {
    expect(deskSignInLink('http://127.0.0.1:3000', 'agent', 'a.b.c')).toBe('http://127.0.0.1:3000/agent#access_token=a.b.c');
    expect(deskSignInLink('http://127.0.0.1:3000/', 'auditor', 'a.b.c')).toBe('http://127.0.0.1:3000/supervisor#access_token=a.b.c');
    expect(deskSignInLink('http://127.0.0.1:3000', 'manager', 'a.b.c')).toBe('http://127.0.0.1:3000/manager#access_token=a.b.c');
  });

  it('gives a channel platform no link: it has no page', () => {
    expect(deskSignInLink('http://127.0.0.1:3000', 'channel', 'a.b.c')).toBeUndefined();
  });
});
