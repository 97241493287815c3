import { createHmac } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { InvalidTokenError } from './access-token-verifier';
import { TokenVerifier } from './token-verifier';

const secret = 'unit-secret-that-is-at-least-32-characters';
const jwt = new JwtService({ secret });
const verifier = new TokenVerifier(jwt);
const nowSeconds = () => Math.floor(Date.now() / 1000);
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** Signed by hand: jsonwebtoken will not sign a payload it considers wrong. */
const handSigned = (payload: object) => {
  const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
};

describe('token verifier', () => {
  it('reads sub and known roles from a token that expires', async () => {
    const token = await verifier.sign('agent-1', ['agent']);
    await expect(verifier.verify(token)).resolves.toEqual({ sub: 'agent-1', roles: ['agent'] });
  });

  it('refuses a token without exp: it would never expire', async () => {
    const token = jwt.sign({ roles: ['agent'] }, { subject: 'agent-1', algorithm: 'HS256' });
    await expect(verifier.verify(token)).rejects.toThrow(new InvalidTokenError('the token has no exp claim: every token must expire'));
  });

  it('refuses an expired token, and an exp that is not a number', async () => {
    const expired = jwt.sign({ roles: ['agent'], exp: nowSeconds() - 10 }, { subject: 'agent-1', algorithm: 'HS256' });
    await expect(verifier.verify(expired)).rejects.toThrow(/jwt expired/);
    await expect(verifier.verify(handSigned({ sub: 'agent-1', roles: ['agent'], exp: 'never' }))).rejects.toThrow(InvalidTokenError);
    await expect(verifier.verify(handSigned({ sub: 'agent-1', roles: ['agent'], exp: nowSeconds() + 60 }))).resolves.toMatchObject({
      sub: 'agent-1',
    });
  });

  it('refuses a token without sub, and one signed with another secret', async () => {
    await expect(verifier.verify(jwt.sign({ roles: ['agent'] }, { expiresIn: 60 }))).rejects.toThrow(/no sub claim/);
    const foreign = new JwtService({ secret: `${secret}-other` }).sign({ roles: ['agent'] }, { subject: 'a', expiresIn: 60 });
    await expect(verifier.verify(foreign)).rejects.toThrow(/invalid signature/);
  });
});
