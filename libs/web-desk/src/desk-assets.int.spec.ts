import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assetUrl,
  bundleDeskAssets,
  isVersioned,
  chunksOf,
  DESK_ENTRIES,
  findBrowserSources,
  findPrebuiltAssets,
  PREBUILT_FOLDER,
  readPrebuiltAssets,
  writeDeskAssets,
  type DeskAssets,
} from './desk-assets';

describe('the web desk bundle (esbuild, from the repository’s sources)', () => {
  let assets: DeskAssets;
  let scratch: string;

  beforeAll(async () => {
    assets = await bundleDeskAssets(findBrowserSources()!);
    scratch = mkdtempSync(join(tmpdir(), 'regie-desk-'));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('has a script per page, one style sheet with its parts inlined, and the icon', () => {
    for (const name of ['home.js', 'agent.js', 'supervisor.js', 'manager.js', 'desk.css', 'favicon.svg'])
      expect(assets.has(name)).toBe(true);
    const css = assets.get('desk.css')!.body.toString();
    expect(css).not.toContain('@import');
    expect(css).toContain('.timeline');
    expect(assets.get('agent.js')!.contentType).toBe('text/javascript; charset=utf-8');
  });

  it('names every chunk a page imports, through other chunks too, so the page can fetch them beside its script', () => {
    const chunks = [...assets.keys()].filter((name) => name.startsWith('chunk-'));
    expect(chunks.length).toBeGreaterThan(0);
    const used = new Set(DESK_ENTRIES.flatMap((entry) => chunksOf(assets, entry)));
    // The charts' library is imported when the first chart is drawn, after the first figures: not fetched beside.
    const dynamic = [...assets.values()].flatMap(({ body }) =>
      [...body.toString().matchAll(/\bimport\(\s*["']\.\/(chunk-[\w-]+\.js)["']/g)].map((found) => found[1]),
    );
    expect(dynamic).toHaveLength(1);
    expect(used.has(dynamic[0])).toBe(false);
    expect([...used, ...dynamic].sort()).toEqual(chunks.sort());
    for (const entry of DESK_ENTRIES) {
      const named = chunksOf(assets, entry);
      for (const chunk of named) {
        const imported = /from\s*["']\.\/(chunk-[\w-]+\.js)["']/.exec(assets.get(chunk)!.body.toString())?.[1];
        if (imported) expect(named).toContain(imported);
      }
    }
    expect(chunksOf(new Map(), 'agent')).toEqual([]);
  });

  it('writes what `npm run build` leaves for an image without sources, and finds it again from the compiled code', () => {
    writeDeskAssets(assets, join(scratch, 'dist', PREBUILT_FOLDER));
    const compiled = join(scratch, 'dist', 'apps', 'desk', 'libs', 'web-desk', 'src');
    mkdirSync(compiled, { recursive: true });
    const folder = findPrebuiltAssets(compiled)!;
    expect(folder).toBe(join(scratch, 'dist', PREBUILT_FOLDER));
    const read = readPrebuiltAssets(folder);
    expect([...read.keys()].sort()).toEqual([...assets.keys()].sort());
    expect(read.get('agent.js')!.body.equals(assets.get('agent.js')!.body)).toBe(true);
    expect(read.get('agent.js')!.version).toBe(assets.get('agent.js')!.version);
    expect(findBrowserSources(compiled)).toBeUndefined();
  });

  it('gives each page script, style sheet and icon an address with its version; a chunk is named by its content already', () => {
    const agent = assets.get('agent.js')!;
    expect(assetUrl(assets, 'agent.js')).toBe(`/desk/assets/agent.js?v=${agent.version}`);
    expect(assets.get('desk.css')!.version).not.toBe(agent.version);
    const chunk = [...assets.keys()].find((name) => name.startsWith('chunk-'))!;
    expect(assetUrl(assets, chunk)).toBe(`/desk/assets/${chunk}`);
    expect(isVersioned('agent.js', agent, agent.version)).toBe(true);
    expect(isVersioned('agent.js', agent, undefined)).toBe(false);
    expect(isVersioned('agent.js', agent, 'an-older-one')).toBe(false);
    expect(isVersioned(chunk, assets.get(chunk)!, undefined)).toBe(true);
  });
});
