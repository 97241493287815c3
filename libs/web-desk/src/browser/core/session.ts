/// <reference lib="dom" />
import { claimsOf, isExpired, tokenInFragment, type RolesReader, type TokenClaims } from './claims';

const TOKEN_KEY = 'regie.desk.token';

export type SignedOutReason = 'no-token' | 'expired' | 'refused' | 'signed-out';

export interface Session extends TokenClaims {
  readonly token: string;
}

/**
 * A sign-in link carries the token in the fragment: keep it for this tab only (sessionStorage) and take
 * it out of the address bar, so that it is neither bookmarked, nor shared, nor left in the history.
 */
export const adoptTokenFromAddress = (): void => {
  const { token, rest } = tokenInFragment(location.hash);
  if (!token) return;
  keepToken(token);
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest}`);
};

/** For this tab only: from a sign-in link, or from the OIDC provider (provider-session.ts). */
export const keepToken = (token: string): void => sessionStorage.setItem(TOKEN_KEY, token);

export const readSession = (rolesOf?: RolesReader): Session | SignedOutReason => {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return 'no-token';
  const claims = claimsOf(token, rolesOf);
  if (!claims) {
    sessionStorage.removeItem(TOKEN_KEY);
    return 'refused';
  }
  if (isExpired(claims, Date.now())) {
    sessionStorage.removeItem(TOKEN_KEY);
    return 'expired';
  }
  return { token, ...claims };
};

export const forgetSession = (): void => sessionStorage.removeItem(TOKEN_KEY);
