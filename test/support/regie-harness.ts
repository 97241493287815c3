import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { TokenVerifier, type Role } from '@regie/auth';
import type { Clock } from '@regie/eventsourcing';
import type { DestinationStream } from 'pino';
import { createTestDatabase, type TestDatabase } from '../../libs/event-store/src/testing/postgres-test-database';
import { startRegie } from '../../apps/regie/src/bootstrap';

export interface RegieHarness {
  readonly app: INestApplication;
  readonly dataDir: string;
  readonly http: ReturnType<typeof request>;
  readonly url: string;
  token(sub: string, ...roles: Role[]): Promise<string>;
  /** Stops the app; `keepData` leaves the data dir for a restart. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export const TEST_SECRET = 'test-secret-that-is-at-least-32-characters-long';

/**
 * With REGIE_E2E_STORE=postgres the end-to-end specs run on PostgreSQL: each data dir gets a
 * fresh database of its own, kept across a restart and dropped when the data is.
 */
const databases = new Map<string, TestDatabase>();
const storeFor = async (dataDir: string): Promise<NodeJS.ProcessEnv> => {
  if (process.env.REGIE_E2E_STORE !== 'postgres') return {};
  const database = databases.get(dataDir) ?? (await createTestDatabase());
  databases.set(dataDir, database);
  return { REGIE_STORE: 'postgres', REGIE_POSTGRES_URL: database.url };
};
const dropStore = async (dataDir: string): Promise<void> => {
  await databases.get(dataDir)?.drop();
  databases.delete(dataDir);
};

/** The all-in-one app on a free port with its own data dir, as `npm start` runs it. */
export const startHarness = async (
  options: { dataDir?: string; env?: NodeJS.ProcessEnv; clock?: Clock; logTo?: DestinationStream } = {},
): Promise<RegieHarness> => {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'regie-e2e-'));
  const { app, url } = await startRegie(
    {
      REGIE_PORT: '0',
      REGIE_DATA_DIR: dataDir,
      REGIE_JWT_SECRET: TEST_SECRET,
      REGIE_LOG_LEVEL: process.env.REGIE_TEST_LOG_LEVEL ?? 'silent',
      ...(await storeFor(dataDir)),
      ...options.env,
    },
    options.clock,
    options.logTo,
  );
  // With an OIDC provider Regie signs no tokens: ask the test provider for them.
  const verifier = options.env?.REGIE_OIDC_ISSUER ? undefined : app.get(TokenVerifier);
  return {
    app,
    dataDir,
    http: request(url),
    url,
    token: (sub, ...roles) =>
      verifier ? verifier.sign(sub, roles) : Promise.reject(new Error('this app accepts only its OIDC provider’s tokens')),
    stop: async ({ keepData = false } = {}) => {
      await app.close();
      if (keepData) return;
      rmSync(dataDir, { recursive: true, force: true });
      await dropStore(dataDir);
    },
  };
};

let counter = 0;

/** A valid interaction CloudEvent; override anything. */
export const interaction = (overrides: Record<string, unknown> = {}, data: Record<string, unknown> = {}) => {
  counter += 1;
  return {
    specversion: '1.0',
    id: `evt-${process.pid}-${counter}`,
    source: 'urn:regie:test:chatbot',
    type: 'contact.started',
    subject: 'cust-1',
    time: new Date(Date.UTC(2026, 2, 1, 9, 0, counter)).toISOString(),
    datacontenttype: 'application/json',
    data: { channel: 'chatbot', contactId: 'chat-1', ...data },
    ...overrides,
  };
};
