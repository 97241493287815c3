// Runs the all-in-one app in its own process for the benchmark, so the load generator does not share its event loop.
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { startRegie } from '../../apps/regie/src/bootstrap';
import { limitHeapGrowthOnceReady } from '../../apps/regie/src/heap-growth';

// SIGTERM closes the app as in production (read models save what they hold), then exits by itself:
// under --cpu-prof (REGIE_BENCH_CPU_PROF) the profile is written only then.
let app: INestApplication | undefined;
process.on('SIGTERM', () => {
  void (app ? app.close() : Promise.resolve()).finally(() => process.exit(0));
});

startRegie({ REGIE_RATE_LIMIT: '0', ...process.env, REGIE_LOG_LEVEL: process.env.REGIE_BENCH_LOG_LEVEL ?? 'silent' })
  .then((started) => {
    app = started.app;
    process.send?.({ url: started.url });
    // As runMain does: the bench measures the app as production runs it.
    void limitHeapGrowthOnceReady(started.app);
  })
  .catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
