import type { DeskEntry } from './desk-assets';

/**
 * No inline script, no inline style, nothing from elsewhere: the pages talk only to this origin's API.
 * `form-action 'none'`: forms are submitted by the page's script, never by the browser.
 */
export const deskCsp = (connectSources: readonly string[] = []): string =>
  [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    // With an OIDC provider, the pages exchange the sign-in code at its token endpoint.
    ["connect-src 'self'", ...connectSources].join(' '),
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

export const DESK_CSP = deskCsp();

export const deskSecurityHeaders = (connectSources: readonly string[] = []): Readonly<Record<string, string>> => ({
  'Content-Security-Policy': deskCsp(connectSources),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
});

export const DESK_SECURITY_HEADERS = deskSecurityHeaders();

const TITLES: Readonly<Record<DeskEntry, string>> = {
  home: 'Regie',
  agent: 'Regie — medewerker',
  supervisor: 'Regie — supervisor',
  manager: 'Regie — servicemanager',
};

/** JSON inside a `<script type="application/json">` data block: nothing in it can close the element. */
const dataBlock = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

export interface DeskPageParts {
  /** The shared chunks the entry imports, fetched beside it. */
  readonly chunks?: readonly string[];
  /** What `GET /desk/config.json` answers, carried along so that the page starts without asking (a data block, never run). */
  readonly config?: unknown;
  /** Where each file is fetched (with its version); the plain address by default. */
  readonly url?: (name: string) => string;
}

const plainUrl = (name: string): string => `/desk/assets/${name}`;

/**
 * The page's shell: the script renders everything, in the reader's language. Until it has, the
 * shell says what is happening (and, without JavaScript, that it is needed).
 */
export const deskPage = (entry: DeskEntry, { chunks = [], config, url = plainUrl }: DeskPageParts = {}): string => `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TITLES[entry]}</title>
<link rel="icon" href="${url('favicon.svg')}" type="image/svg+xml">
<link rel="stylesheet" href="${url('desk.css')}">
<script type="module" src="${url(`${entry}.js`)}"></script>
${chunks.map((chunk) => `<link rel="modulepreload" href="${url(chunk)}">\n`).join('')}${
  config === undefined ? '' : `<script type="application/json" id="desk-config">${dataBlock(config)}</script>\n`
}</head>
<body>
<div id="app"><main id="main"><h1>${TITLES[entry]}</h1><p>Laden… / Loading…</p></main></div>
<noscript><p>Deze pagina heeft JavaScript nodig. / This page needs JavaScript.</p></noscript>
</body>
</html>
`;
