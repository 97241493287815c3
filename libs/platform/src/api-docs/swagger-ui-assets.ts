import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Swagger UI's own index page starts it with an inline script, which the desk's Content-Security-Policy
 * (no inline script) forbids; so the page is ours and so is the file that starts it.
 */
export const SWAGGER_INITIALIZER = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    showExtensions: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  });
});
`;

export const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Regie — HTTP API</title>
<link rel="icon" href="/docs/assets/favicon-32x32.png" type="image/png">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"><p>Loading… (this page needs JavaScript; the document itself is at <a href="/openapi.json">/openapi.json</a>)</p></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/swagger-initializer.js"></script>
</body>
</html>
`;

/**
 * The desk's policy (libs/web-desk desk-page.ts), with images from data: URIs, which Swagger UI's style sheet uses
 * for its icons. The page fetches only this origin: the document and, with "Try it out", the API.
 */
export const DOCS_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

export interface DocsAsset {
  readonly contentType: string;
  readonly body: Buffer;
}

/** The files of swagger-ui-dist the page loads; no other name is served. */
const DIST_FILES: Readonly<Record<string, string>> = {
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui.css': 'text/css; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

/** Read once, on the first request for the docs (about 1.5 MB): an app nobody browses never loads them. */
export const loadDocsAssets = (): ReadonlyMap<string, DocsAsset> => {
  const dist = dirname(require.resolve('swagger-ui-dist/package.json'));
  const assets = new Map<string, DocsAsset>(
    Object.entries(DIST_FILES).map(([name, contentType]) => [name, { contentType, body: readFileSync(join(dist, name)) }]),
  );
  assets.set('swagger-initializer.js', { contentType: 'text/javascript; charset=utf-8', body: Buffer.from(SWAGGER_INITIALIZER) });
  return assets;
};
