// Runs the all-in-one app in its own process for the benchmark, so the load generator does not share its event loop.
import 'reflect-metadata';
import { startRegie } from '../../apps/regie/src/bootstrap';

// Under --cpu-prof (REGIE_BENCH_CPU_PROF), the profile is written only when the process exits by itself.
process.on('SIGTERM', () => process.exit(0));

startRegie({ REGIE_RATE_LIMIT: '0', ...process.env, REGIE_LOG_LEVEL: process.env.REGIE_BENCH_LOG_LEVEL ?? 'silent' })
  .then(({ url }) => process.send?.({ url }))
  .catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
