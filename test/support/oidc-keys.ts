import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type KeyLike } from 'jose';

export type SigningAlgorithm = 'RS256' | 'ES256';

/** One signing key of the test provider: the private half signs, the public half is published. */
export interface SigningKey {
  readonly kid: string;
  readonly alg: SigningAlgorithm;
  readonly privateKey: KeyLike;
  readonly jwk: JWK;
}

export const newSigningKey = async (alg: SigningAlgorithm = 'RS256'): Promise<SigningKey> => {
  const { publicKey, privateKey } = await generateKeyPair(alg);
  const kid = `${alg.toLowerCase()}-${randomUUID().slice(0, 8)}`;
  return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
};

export interface TokenOptions {
  readonly issuer: string;
  readonly audience: string;
  /** Seconds from now; `null` leaves exp out (a token that would never expire). */
  readonly expiresIn?: number | null;
  /** Names another kid in the header than the key's own. */
  readonly kid?: string;
}

export const signToken = (key: SigningKey, claims: JWTPayload, options: TokenOptions): Promise<string> => {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: options.kid ?? key.kid, typ: 'JWT' })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt(now);
  if (options.expiresIn !== null) jwt.setExpirationTime(now + (options.expiresIn ?? 300));
  return jwt.sign(key.privateKey);
};

const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An unsigned token (`alg: none`), as an attacker would send one. */
export const unsignedToken = (claims: JWTPayload): string => `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;

/** HS256 with a shared secret, as Regie's embedded mode signs: refused when a provider is configured. */
export const hs256Token = (claims: JWTPayload, secret: string): Promise<string> =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret));
