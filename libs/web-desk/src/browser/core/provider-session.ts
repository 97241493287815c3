/// <reference lib="dom" />
import { authorizationUrl, challengeOf, providerReturn, randomSecret, rolesIn, type DeskConfig, type ProviderSignIn } from './oidc-sign-in';
import { keepToken, readSession, type Session, type SignedOutReason } from './session';

const PENDING_KEY = 'regie.desk.oidc.pending';
const AUTO_KEY = 'regie.desk.oidc.auto';
/** A token the page cannot use (a clock far off, say) must not send the reader back and forth for ever. */
const AUTO_PAUSE_MS = 60_000;
const EMBEDDED: DeskConfig = { roles: { claim: 'roles' } };

interface Pending {
  readonly state: string;
  readonly verifier: string;
  readonly redirectUri: string;
}

let config: DeskConfig = EMBEDDED;
let failed = false;

/** The page carries the config as a data block (desk-page.ts); the request is for a shell without it. */
const loadConfig = async (): Promise<DeskConfig> => {
  const carried = document.getElementById('desk-config')?.textContent;
  if (carried) return JSON.parse(carried) as DeskConfig;
  try {
    const response = await fetch('/desk/config.json', { headers: { Accept: 'application/json' } });
    return response.ok ? ((await response.json()) as DeskConfig) : EMBEDDED;
  } catch {
    return EMBEDDED;
  }
};

const takePending = (): Pending | undefined => {
  const text = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  try {
    return text ? (JSON.parse(text) as Pending) : undefined;
  } catch {
    return undefined;
  }
};

const goToProvider = async (signIn: ProviderSignIn): Promise<void> => {
  const pending: Pending = { state: randomSecret(), verifier: randomSecret(), redirectUri: `${location.origin}${location.pathname}` };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  location.assign(authorizationUrl(signIn, { ...pending, challenge: await challengeOf(pending.verifier) }));
};

const exchange = async (signIn: ProviderSignIn, code: string, pending: Pending): Promise<string | undefined> => {
  const form = { grant_type: 'authorization_code', code, redirect_uri: pending.redirectUri, client_id: signIn.clientId };
  try {
    // A form body and Accept only: a CORS "simple" request, which providers answer without a preflight.
    const body = new URLSearchParams({ ...form, code_verifier: pending.verifier });
    const response = await fetch(signIn.tokenEndpoint, { method: 'POST', body, headers: { Accept: 'application/json' } });
    const token = response.ok ? ((await response.json()) as { access_token?: unknown }).access_token : undefined;
    return typeof token === 'string' ? token : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Before a page starts: reads how this Regie signs in and, when the provider has just sent the reader
 * back, takes the code out of the address bar and exchanges it. Then reads the session, with the roles
 * where this Regie finds them; a sign-in through the provider that failed counts as refused.
 */
export const prepareSignIn = async (): Promise<Session | SignedOutReason> => {
  config = await loadConfig();
  const back = providerReturn(location.search);
  if (config.signIn && (back.code || back.error)) {
    history.replaceState(history.state, '', `${location.pathname}${back.rest}${location.hash}`);
    const pending = takePending();
    const matches = back.code !== undefined && pending !== undefined && pending.state === back.state;
    const token = matches ? await exchange(config.signIn, back.code!, pending) : undefined;
    if (token) keepToken(token);
    failed = !token;
  }
  const session = readSession((payload) => rolesIn(payload, config.roles));
  return failed && session === 'no-token' ? 'refused' : session;
};

/**
 * With a provider, how to sign in through it; straight there when nobody is signed in or the sign-in
 * expired (not after signing out, nor after a sign-in that failed: then the reader chooses).
 */
export const providerSignIn = (reason: string): (() => void) | undefined => {
  const signIn = config.signIn;
  if (!signIn) return undefined;
  const go = (): void => void goToProvider(signIn);
  const last = Number(sessionStorage.getItem(AUTO_KEY) ?? 0);
  if (!failed && (reason === 'no-token' || reason === 'expired') && Date.now() - last > AUTO_PAUSE_MS) {
    sessionStorage.setItem(AUTO_KEY, String(Date.now()));
    go();
  }
  return go;
};
