import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The admin connection tests use to create and drop their own database. */
export const postgresAdminUrl = (): string => process.env.REGIE_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const PROBE = `
const { Client } = require('pg');
const client = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
client.connect().then(() => client.query('SELECT 1')).then(() => client.end()).then(
  () => process.exit(0),
  (error) => { console.error(error.message); process.exit(1); },
);`;

/**
 * Why the PostgreSQL suites cannot run, decided synchronously (jest declares suites before any
 * hook runs): undefined when the admin URL answers. Under CI=true an unreachable server is a
 * failure, never a skip.
 */
export const postgresSkipReason = (): string | undefined => {
  const url = postgresAdminUrl();
  const probe = spawnSync(process.execPath, ['-e', PROBE, url], { encoding: 'utf8', timeout: 10_000 });
  if (probe.status === 0) return undefined;
  const reason = `no PostgreSQL at ${new URL(url).host} (${(probe.stderr || 'no answer').trim()}); set REGIE_POSTGRES_URL`;
  if (process.env.CI === 'true') throw new Error(`CI=true and ${reason}`);
  return reason;
};

export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** A fresh database for one test file (`regie_test_<pid>_<random>`), dropped with everything in it. */
export const createTestDatabase = async (): Promise<TestDatabase> => {
  const name = `regie_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const adminUrl = postgresAdminUrl();
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
};
