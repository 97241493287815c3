/**
 * npm run projections:rebuild -- <name>   (e.g. channel-activity-by-month, kpi-fcr@Europe/Amsterdam)
 * Rebuilds a durable projection from position zero in the configured store. Stop the desk first:
 * a running desk keeps saving its own snapshot of the projection.
 */
import { join } from 'node:path';
import { loadRegieConfig } from '@regie/platform';
import { loadServiceConceptFile } from '@regie/concept';
import { measurementSettings, projectionNamed, projectionsFor } from '@regie/measurement';
import { rebuildProjection, schemaUpgradeLog, SqliteEventStore, SqliteProjectionStore } from '@regie/event-store';

const bar = (done: number, total: number): string => {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const width = 30;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${done}/${total}`;
};

const main = async (): Promise<void> => {
  const name = process.argv[2];
  const projection = name === undefined ? undefined : projectionNamed(name);
  const config = loadRegieConfig(process.env);
  if (!projection) {
    // The KPI read models are named after the concept file's time zone (a revision may have changed it since).
    const timeZone = measurementSettings(loadServiceConceptFile(config.REGIE_CONCEPT_FILE)).timeZone;
    const names = Object.keys(projectionsFor(timeZone)).join(', ');
    process.stderr.write(`usage: npm run projections:rebuild -- <name>\nprojections: ${names} (kpi-<kind>@<any IANA zone>)\n`);
    process.exit(2);
  }
  if (config.REGIE_STORE !== 'sqlite')
    throw new Error(
      `rebuilding from the command line needs REGIE_STORE=sqlite (this is ${config.REGIE_STORE}); other stores rebuild on start after a reset`,
    );
  const store = new SqliteEventStore({
    filename: join(config.REGIE_DATA_DIR, 'regie.db'),
    onUpgrade: schemaUpgradeLog((message) => process.stderr.write(`${message}\n`)),
  });
  try {
    const started = performance.now();
    const snapshot = await rebuildProjection(store, new SqliteProjectionStore(store), projection, (position, head) => {
      process.stderr.write(`\r${projection.name} ${bar(position, head)}`);
    });
    process.stderr.write(
      `\n${projection.name} rebuilt up to position ${snapshot.position} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
  } finally {
    await store.close();
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`\nrebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
