import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ROLES, TokenVerifier } from '@regie/auth';
import { readServiceConceptFile } from '@regie/concept';
import { systemClock, type Clock } from '@regie/eventsourcing';
import { configureHttp } from '@regie/http';
import { createObservability } from '@regie/observability';
import { jsonLimitsFrom, loadRegieConfig, publishApiDocs } from '@regie/platform';
import type { DestinationStream } from 'pino';
import { resolveIdentity } from './identity';
import { buildPlatform } from './platform';
import { RegieModule, type RegieRole } from './regie.module';

export interface StartedRegieApp {
  readonly app: INestApplication;
  readonly url: string;
  /** Set when the JWT secret was generated: one token per role, for trying things out. */
  readonly devTokens?: Readonly<Record<string, string>>;
  /** Set when bearer tokens come from an OpenID Connect provider. */
  readonly issuer?: string;
}

/**
 * Validates the environment and the concept file, then starts the given roles in one process; tests
 * may give a clock, and a stream for the log lines (stdout otherwise).
 */
export const startRegieApp = async (
  roles: readonly RegieRole[],
  env: NodeJS.ProcessEnv = process.env,
  clock: Clock = systemClock,
  logTo?: DestinationStream,
): Promise<StartedRegieApp> => {
  const config = loadRegieConfig(env);
  const concept = readServiceConceptFile(config.REGIE_CONCEPT_FILE);
  const { identity, generated } = await resolveIdentity(config);
  const observability = createObservability({ level: config.REGIE_LOG_LEVEL, ...(logTo && { destination: logTo }) });
  const platform = buildPlatform(config, concept, identity, clock, observability);
  const app = await NestFactory.create(RegieModule.forRoles(roles, platform), { bodyParser: false, bufferLogs: true });
  app.useLogger(observability.frameworkLogger);
  configureHttp(app, {
    bodyLimit: config.REGIE_BODY_LIMIT,
    jsonLimits: jsonLimitsFrom(config),
    requestLogging: observability.requestLogging,
  });
  publishApiDocs(app, `The HTTP API of this Regie process (${roles.join(', ')}).`);
  await app.listen(config.REGIE_PORT, config.REGIE_HOST);
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  if (identity.mode === 'oidc') return { app, url, issuer: identity.options.issuer };
  if (!generated) return { app, url };
  const verifier = app.get(TokenVerifier);
  const devTokens = Object.fromEntries(
    await Promise.all(ROLES.map(async (role) => [role, await verifier.sign(`dev-${role}`, [role])] as const)),
  );
  return { app, url, devTokens };
};
