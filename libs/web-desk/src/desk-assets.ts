import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { build } from 'esbuild';

/** The pages' entry points in `src/browser/` (one script per page); the style sheet and icon come along. */
export const DESK_ENTRIES = ['home', 'agent', 'supervisor', 'manager'] as const;
export type DeskEntry = (typeof DESK_ENTRIES)[number];

export interface DeskAsset {
  readonly contentType: string;
  readonly body: Buffer;
  /** A digest of the body: the pages name each file with it, so a browser may keep what it fetched. */
  readonly version: string;
}

const deskAsset = (contentType: string, body: Buffer): DeskAsset => ({
  contentType,
  body,
  version: createHash('sha256').update(body).digest('base64url').slice(0, 16),
});

/** esbuild names the shared chunks by their content (`chunk-[hash]`), so each name is one version already. */
const CHUNK = /^chunk-[\w-]+\.js$/;

/** Where a page fetches a file: with its version, so that a new bundle is a new address. */
export const assetUrl = (assets: DeskAssets, name: string): string => {
  const version = CHUNK.test(name) ? undefined : assets.get(name)?.version;
  return `/desk/assets/${name}${version ? `?v=${version}` : ''}`;
};

/** Whether the request names this very version of the file, which therefore never changes at that address. */
export const isVersioned = (name: string, asset: DeskAsset, version: unknown): boolean => CHUNK.test(name) || version === asset.version;

/** Bundled scripts and styles by file name (`agent.js`, `desk.css`, shared chunks), kept in memory. */
export type DeskAssets = ReadonlyMap<string, DeskAsset>;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * The browser sources are TypeScript in the repository. Found from here (jest, ts-node) or, when this file
 * runs compiled from dist/, by walking up to the repository that holds them.
 */
export const findBrowserSources = (from: string = __dirname): string | undefined => {
  for (let dir = from; ; dir = dirname(dir)) {
    for (const candidate of [join(dir, 'browser'), join(dir, 'libs', 'web-desk', 'src', 'browser')]) {
      if (existsSync(join(candidate, 'agent.ts'))) return candidate;
    }
    if (dirname(dir) === dir) return undefined;
  }
};

/**
 * Bundles the pages with esbuild when the module starts (about a tenth of a second), so that nobody has to
 * run a build step: `npm start` serves what is in the repository. Shared code is split into chunks.
 */
export const bundleDeskAssets = async (sources: string): Promise<DeskAssets> => {
  const result = await build({
    entryPoints: [...DESK_ENTRIES.map((name) => join(sources, `${name}.ts`)), join(sources, 'desk.css'), join(sources, 'favicon.svg')],
    loader: { '.svg': 'copy' },
    outdir: '/desk-assets',
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
    tsconfigRaw: { compilerOptions: { strict: true } },
  });
  const assets = new Map<string, DeskAsset>();
  for (const file of result.outputFiles) {
    const name = basename(file.path);
    const type = CONTENT_TYPES[name.slice(name.lastIndexOf('.'))];
    if (type) assets.set(name, deskAsset(type, Buffer.from(file.contents)));
  }
  return assets;
};

const STATIC_IMPORT = /\bimport\s*(?:[\w*{}\s,$]*from\s*)?["']\.\/(chunk-[\w-]+\.js)["']/g;

/**
 * The chunks an entry imports, directly or through another chunk: the page names them for the browser to
 * fetch beside the entry (`modulepreload`) instead of one import level after the other. A chunk imported
 * only dynamically (the charts' library) is left out: fetched and compiled beside the first requests, it
 * would take the processor from the server that answers them (a machine of two cores).
 */
export const chunksOf = (assets: DeskAssets, entry: DeskEntry): string[] => {
  const found = new Set<string>();
  const visit = (name: string): void => {
    for (const [, chunk] of (assets.get(name)?.body.toString() ?? '').matchAll(STATIC_IMPORT)) {
      if (found.has(chunk) || !assets.has(chunk)) continue;
      found.add(chunk);
      visit(chunk);
    }
  };
  visit(`${entry}.js`);
  return [...found];
};

/** Where `npm run build` leaves the bundled pages, for an installation without the sources (a container image). */
export const PREBUILT_FOLDER = 'web-desk-assets';

export const findPrebuiltAssets = (from: string = __dirname): string | undefined => {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, PREBUILT_FOLDER, 'agent.js'))) return join(dir, PREBUILT_FOLDER);
    if (dirname(dir) === dir) return undefined;
  }
};

export const readPrebuiltAssets = (folder: string): DeskAssets =>
  new Map(
    readdirSync(folder)
      .map((name) => [name, CONTENT_TYPES[name.slice(name.lastIndexOf('.'))]] as const)
      .filter((entry): entry is readonly [string, string] => entry[1] !== undefined)
      .map(([name, contentType]) => [name, deskAsset(contentType, readFileSync(join(folder, name)))]),
  );

export const writeDeskAssets = (assets: DeskAssets, folder: string): void => {
  mkdirSync(folder, { recursive: true });
  for (const [name, asset] of assets) writeFileSync(join(folder, name), asset.body);
};
