/** The page each role works on; a role without one (a channel platform) signs in with its token alone. */
export const DESK_PAGE_OF_ROLE: Readonly<Record<string, string>> = {
  agent: 'agent',
  supervisor: 'supervisor',
  auditor: 'supervisor',
  manager: 'manager',
};

/**
 * `http://host:port/<page>#access_token=<token>`: a fragment never leaves the browser, and the page
 * moves the token into sessionStorage and out of the address bar.
 */
export const deskSignInLink = (baseUrl: string, role: string, token: string): string | undefined => {
  const page = DESK_PAGE_OF_ROLE[role];
  return page === undefined ? undefined : `${baseUrl.replace(/\/$/, '')}/${page}#access_token=${encodeURIComponent(token)}`;
};
