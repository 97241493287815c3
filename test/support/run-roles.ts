// Entry point of startChildApp: runs the roles named on the command line and reports the URL to the parent.
import 'reflect-metadata';
import { limitHeapGrowthOnceReady } from '../../apps/regie/src/heap-growth';
import { startRegieApp } from '../../apps/regie/src/start-regie-app';
import { type RegieRole } from '../../apps/regie/src/regie.module';

startRegieApp(process.argv.slice(2) as RegieRole[])
  .then(({ app, url }) => {
    process.send?.({ url });
    // As runMain does: the apps started here are measured and killed as production runs them.
    void limitHeapGrowthOnceReady(app);
    process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
  })
  .catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
