/// <reference lib="dom" />
import { forgetSession, type SignedOutReason } from './session';

/** A refusal or error from the API, from its problem+json body: what the reader is shown. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    /** The rule or kind, e.g. `four-eyes` from `urn:regie:problem:four-eyes`. */
    readonly rule: string,
    readonly detail: string,
    readonly errors: readonly { readonly path: string; readonly message: string }[] = [],
  ) {
    super(detail);
  }
}

/** Thrown after a 401: the page has already been replaced by the sign-in message. */
export class SignedOut extends Error {}

let token = '';
let signedOut: (reason: SignedOutReason) => void = () => undefined;

export const useToken = (bearer: string, onSignedOut: (reason: SignedOutReason) => void): void => {
  token = bearer;
  signedOut = onSignedOut;
};

export const authorization = (): Record<string, string> => ({ Authorization: `Bearer ${token}` });

/** A 401 means the token has expired or was refused: forget it and ask the reader to sign in again. */
export const refuseSession = (): never => {
  forgetSession();
  signedOut('refused');
  throw new SignedOut('the token was refused');
};

/** The problem+json of a refused response, for requests that do not go through `request` (a CSV download). */
export const problemOf = async (response: Response): Promise<ApiProblem> => {
  const body = (await response.json().catch(() => ({}))) as { type?: string; detail?: string; errors?: ApiProblem['errors'] };
  const rule = (body.type ?? '').split(':').pop() || `http-${response.status}`;
  return new ApiProblem(response.status, rule, body.detail ?? response.statusText, Array.isArray(body.errors) ? body.errors : []);
};

export const request = async <T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> => {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { ...authorization(), Accept: 'application/json', ...(body !== undefined && { 'Content-Type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiProblem(0, 'network', '');
  }
  if (response.status === 401) return refuseSession();
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as T;
};

export const get = <T>(path: string): Promise<T> => request<T>('GET', path);
export const post = <T>(path: string, body: unknown): Promise<T> => request<T>('POST', path, body);
export const put = <T>(path: string, body: unknown): Promise<T> => request<T>('PUT', path, body);

/** Every page of a list (`{items, nextCursor?}`; the journey holds `entries`), up to `max` items. */
export const getAll = async <T>(path: string, key: 'items' | 'entries' = 'items', max = 5000): Promise<T[]> => {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page = await get<Record<typeof key, T[]> & { nextCursor?: string }>(
      cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path,
    );
    items.push(...page[key]);
    cursor = page.nextCursor;
  } while (cursor && items.length < max);
  return items;
};
