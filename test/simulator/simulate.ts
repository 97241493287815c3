/**
 * npm run simulate -- --customers 200 --rate 20 [--agents 4] [--url http://127.0.0.1:3000] [--seed 7]
 * Plays realistic multichannel journeys against a running Regie (start it with `npm start`).
 * Tokens are signed with REGIE_JWT_SECRET, or with the secret `npm start` generated into the
 * data dir (REGIE_DATA_DIR, default ./data).
 */
import { JwtService } from '@nestjs/jwt';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmt } from '../bench/stats';
import { runSimulation } from './simulation';

const arg = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] !== undefined ? String(process.argv[index + 1]) : fallback;
};

const secret = (): string => {
  if (process.env.REGIE_JWT_SECRET) return process.env.REGIE_JWT_SECRET;
  const file = join(process.env.REGIE_DATA_DIR ?? 'data', 'jwt-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    throw new Error(`no secret to sign tokens with: set REGIE_JWT_SECRET, or start Regie once so that ${file} exists`);
  }
};

const main = async (): Promise<void> => {
  const jwt = new JwtService({ secret: secret() });
  const sign = (sub: string, role: string) => jwt.sign({ roles: [role] }, { subject: sub, algorithm: 'HS256', expiresIn: '1h' });
  const agents = Number(arg('agents', '4'));
  const report = await runSimulation({
    url: arg('url', `http://127.0.0.1:${process.env.REGIE_PORT ?? '3000'}`),
    channelToken: sign('simulator', 'channel'),
    agentTokens: Array.from({ length: agents }, (_, index) => ({
      id: `sim-agent-${index + 1}`,
      token: sign(`sim-agent-${index + 1}`, 'agent'),
    })),
    customers: Number(arg('customers', '100')),
    rate: Number(arg('rate', '10')),
    seed: Number(arg('seed', '20261123')),
    onProgress: (line) => console.log(line),
  });
  console.log(`\n${report.customers} customers, ${report.eventsPosted} events in ${fmt(report.elapsedMs / 1000)} s`);
  for (const [persona, count] of Object.entries(report.byPersona)) console.log(`  ${persona.padEnd(22)} ${count}`);
  console.log(`escalations ${report.escalations}, cases assigned ${report.assigned}, resolved ${report.resolved}`);
  const { p50, p99, max, samples } = report.escalationLatency;
  console.log(
    `escalation latency (trigger posted → agent sees assignment): p50 ${fmt(p50)} ms, p99 ${fmt(p99)} ms, max ${fmt(max)} ms over ${samples}`,
  );
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
