/**
 * npm run build:web-desk — bundles the pages into dist/web-desk-assets, for installations that carry
 * dist/ but not the sources (the container image). `npm start` needs no such step: it bundles at start.
 */
import { join } from 'node:path';
import { bundleDeskAssets, findBrowserSources, PREBUILT_FOLDER, writeDeskAssets } from './desk-assets';

const main = async (): Promise<void> => {
  const sources = findBrowserSources();
  if (!sources) throw new Error('the web desk sources (libs/web-desk/src/browser) are not here');
  const folder = join(process.cwd(), 'dist', PREBUILT_FOLDER);
  const assets = await bundleDeskAssets(sources);
  writeDeskAssets(assets, folder);
  process.stdout.write(`web desk: ${assets.size} files in ${folder}\n`);
};

main().catch((error: unknown) => {
  process.stderr.write(`web desk build failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
