/**
 * npm run bench [-- --events 100000 --batch 1000 --concurrency 2]
 * Measures Regie beside the raw limit of the same machine in the same run, and prints ratios.
 */
import { JwtService } from '@nestjs/jwt';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestOverHttp, makeEvent, SECRET, startServer } from './ingest-bench';
import { rawSqliteInsert } from './raw-sqlite';
import { fmt, rate } from './stats';

const arg = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};

const main = async (): Promise<void> => {
  const events = arg('events', 100_000);
  const batch = arg('batch', 1_000);
  const concurrency = arg('concurrency', 2);
  const customers = arg('customers', 2_000);
  const dir = mkdtempSync(join(tmpdir(), 'regie-bench-'));
  console.log(`Regie bench: ${fmt(events)} events, batches of ${batch}, ${concurrency} in flight, ${customers} customers`);

  try {
    const rawMs = rawSqliteInsert(dir, events, batch, makeEvent(0, customers).data);
    const raw = rate(events, rawMs);
    console.log(`raw SQLite batched insert (limit) : ${fmt(raw)} events/s`);

    const server = await startServer(join(dir, 'regie'));
    try {
      const token = new JwtService({ secret: SECRET }).sign({ roles: ['channel'] }, { subject: 'bench', algorithm: 'HS256' });
      const http = await ingestOverHttp(server.url, token, events, batch, concurrency, customers);
      console.log(`HTTP ingest → SQLite journeys      : ${fmt(http.eventsPerSecond)} events/s  (${fmt(http.elapsed / 1000)} s)`);
      console.log(`  batch latency p50 ${fmt(http.batchLatency.p50)} ms, p99 ${fmt(http.batchLatency.p99)} ms, max ${fmt(http.batchLatency.max)} ms`);
      console.log(`  ratio to the raw limit            : ${(http.eventsPerSecond / raw).toFixed(3)}`);
    } finally {
      server.child.kill('SIGTERM');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
