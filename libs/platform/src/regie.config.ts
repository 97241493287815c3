import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsIP, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateIf, validateSync } from 'class-validator';
import { DEFAULT_JSON_LIMITS, flattenValidationErrors, type JsonLimits } from '@regie/contracts';
import { LOG_LEVELS, type LogLevel } from '@regie/observability';
import { oidcConfigIssues, PROVIDER_URL } from './oidc-settings';

export const STORES = ['sqlite', 'memory', 'eventstoredb', 'postgres'] as const;
export const TRANSPORTS = ['in-process', 'kafka'] as const;

const COOLDOWN_MESSAGE = 'REGIE_OIDC_JWKS_COOLDOWN_MS must be a whole number of milliseconds from 0 to 3600000';

/** The environment Regie reads, validated at start so a typo stops the process with a clear reason. */
export class RegieConfig {
  @Transform(({ value }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt({ message: 'REGIE_PORT must be a whole number' })
  @Min(0)
  @Max(65535)
  REGIE_PORT: number = 3000;

  @IsString()
  @MinLength(1)
  REGIE_DATA_DIR: string = './data';

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'REGIE_JWT_SECRET must be at least 32 characters' })
  REGIE_JWT_SECRET?: string;

  /** Production identity (README, shared/DESIGN.md §11): with an issuer, only that provider's tokens are accepted. */
  @IsOptional()
  @Matches(PROVIDER_URL, {
    message: 'REGIE_OIDC_ISSUER must be the provider’s issuer URL, e.g. https://kc.example.org/realms/regie (http:// only on localhost)',
  })
  REGIE_OIDC_ISSUER?: string;

  @ValidateIf((config: RegieConfig) => config.REGIE_OIDC_ISSUER !== undefined)
  @Matches(/^\S{1,500}$/, {
    message: 'REGIE_OIDC_AUDIENCE is required with REGIE_OIDC_ISSUER: the aud the tokens are issued for, e.g. a client id (no spaces)',
  })
  REGIE_OIDC_AUDIENCE?: string;

  @IsOptional()
  @Matches(PROVIDER_URL, { message: 'REGIE_OIDC_JWKS_URL must be an https:// URL of the provider’s keys (http:// only on localhost)' })
  REGIE_OIDC_JWKS_URL?: string;

  @Matches(/^[^.\s]+(\.[^.\s]+)*$/, { message: 'REGIE_OIDC_ROLES_CLAIM must be a claim name or a dotted path, e.g. realm_access.roles' })
  REGIE_OIDC_ROLES_CLAIM: string = 'roles';

  /** `provider-role=regie-role,…`; its entries are checked in loadRegieConfig. */
  @IsOptional()
  @IsString()
  REGIE_OIDC_ROLE_MAP?: string;

  /** The web pages' client at the provider (public, authorization code with PKCE). */
  @IsOptional()
  @Matches(/^\S{1,200}$/, { message: 'REGIE_OIDC_CLIENT_ID must be the client id the provider gave the web pages (no spaces)' })
  REGIE_OIDC_CLIENT_ID?: string;

  @Matches(/^\S+( \S+)*$/, { message: 'REGIE_OIDC_SCOPE must be scopes separated by single spaces, e.g. "openid profile"' })
  REGIE_OIDC_SCOPE: string = 'openid';

  @Transform(({ value }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt({ message: COOLDOWN_MESSAGE })
  @Min(0, { message: COOLDOWN_MESSAGE })
  @Max(3_600_000, { message: COOLDOWN_MESSAGE })
  REGIE_OIDC_JWKS_COOLDOWN_MS: number = 30_000;

  @IsIn(STORES, { message: `REGIE_STORE must be one of: ${STORES.join(', ')}` })
  REGIE_STORE: (typeof STORES)[number] = 'sqlite';

  @IsIn(TRANSPORTS, { message: `REGIE_TRANSPORT must be one of: ${TRANSPORTS.join(', ')}` })
  REGIE_TRANSPORT: (typeof TRANSPORTS)[number] = 'in-process';

  @IsString()
  @MinLength(1)
  REGIE_CONCEPT_FILE: string = 'config/service-concept.yaml';

  @Matches(/^\d+(kb|mb)$/i, { message: 'REGIE_BODY_LIMIT must look like 512kb or 2mb' })
  REGIE_BODY_LIMIT: string = '1mb';

  /**
   * JSON limits of every request body (libs/contracts json-limits): nesting depth, keys per object,
   * items per array (so also events per batch), characters per string.
   */
  @Transform(({ value }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt({ message: 'REGIE_JSON_MAX_DEPTH must be a whole number of nesting levels' })
  @Min(4)
  @Max(256)
  REGIE_JSON_MAX_DEPTH: number = DEFAULT_JSON_LIMITS.maxDepth;

  @Transform(({ value }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt({ message: 'REGIE_JSON_MAX_KEYS must be a whole number of keys per object' })
  @Min(50)
  @Max(100_000)
  REGIE_JSON_MAX_KEYS: number = DEFAULT_JSON_LIMITS.maxKeys;

  @Transform(({ value }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt({ message: 'REGIE_JSON_MAX_ITEMS must be a whole number of items per array (the largest batch)' })
  @Min(1)
  @Max(100_000)
  REGIE_JSON_MAX_ITEMS: number = DEFAULT_JSON_LIMITS.maxItems;

  @Transform(({ value }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt({ message: 'REGIE_JSON_MAX_STRING must be a whole number of characters' })
  @Min(256)
  @Max(10_000_000)
  REGIE_JSON_MAX_STRING: number = DEFAULT_JSON_LIMITS.maxStringLength;

  /** Requests one caller (token subject, else address) may make per minute; 0 turns the limit off. */
  @Transform(({ value }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt({ message: 'REGIE_RATE_LIMIT must be a whole number of requests per minute (0 turns it off)' })
  @Min(0)
  @Max(10_000_000)
  REGIE_RATE_LIMIT: number = 12_000;

  /**
   * Customers whose journeys are kept folded in memory (3–11 KB each, by the contacts a journey keeps): an event of
   * one of them is decided without reading its stream. Size it to the customers active within a few minutes; unset,
   * the journey module's own default (10,000).
   */
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt({ message: 'REGIE_JOURNEY_CACHE must be a whole number of customers' })
  @Min(100)
  @Max(10_000_000)
  REGIE_JOURNEY_CACHE?: number;

  /** JSON lines on stdout from this level up (README "Metrics and logs"); `silent` logs nothing. */
  @IsIn(LOG_LEVELS, { message: `REGIE_LOG_LEVEL must be one of: ${LOG_LEVELS.join(', ')}` })
  REGIE_LOG_LEVEL: LogLevel = 'info';

  /** Loopback by default; containers set 0.0.0.0. */
  @IsIP(undefined, { message: 'REGIE_HOST must be an IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0' })
  REGIE_HOST: string = '127.0.0.1';

  @ValidateIf((config: RegieConfig) => config.REGIE_TRANSPORT === 'kafka')
  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, {
    message: 'KAFKA_BROKERS must list host:port pairs separated by commas (required when REGIE_TRANSPORT=kafka)',
  })
  KAFKA_BROKERS?: string;

  @ValidateIf((config: RegieConfig) => config.REGIE_STORE === 'eventstoredb')
  @Matches(/^(esdb|esdb\+discover):\/\/\S+$/, {
    message:
      'EVENTSTORE_URL must be an esdb:// connection string, e.g. esdb://localhost:2113?tls=false (required when REGIE_STORE=eventstoredb)',
  })
  EVENTSTORE_URL?: string;

  @ValidateIf((config: RegieConfig) => config.REGIE_STORE === 'postgres')
  @Matches(/^postgres(ql)?:\/\/\S+$/, {
    message:
      'REGIE_POSTGRES_URL must be a postgres:// connection string, e.g. postgres://regie:secret@db:5432/regie?sslmode=require (required when REGIE_STORE=postgres)',
  })
  REGIE_POSTGRES_URL?: string;

  @IsString()
  @MinLength(1)
  KAFKA_CLIENT_ID: string = 'regie';

  @IsString()
  @MinLength(1)
  KAFKA_GROUP_ID: string = 'regie-orchestrator';

  /** Prefixes every topic name (separate environments or test runs on one cluster). */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'KAFKA_TOPIC_PREFIX may hold letters, digits, ".", "_" and "-"' })
  KAFKA_TOPIC_PREFIX?: string;

  @Transform(({ value }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt({ message: 'KAFKA_PARTITIONS must be a whole number' })
  @Min(1)
  @Max(1000)
  KAFKA_PARTITIONS: number = 6;

  /** How often queued cases are checked against their service level (they are routed at once anyway). */
  @Transform(({ value }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt({ message: 'REGIE_DISPATCH_TICK_MS must be a whole number of milliseconds' })
  @Min(10)
  @Max(3_600_000)
  REGIE_DISPATCH_TICK_MS: number = 1_000;

  /** How often exclusion ends and the retention of safety records are checked. */
  @Transform(({ value }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt({ message: 'REGIE_SAFETY_TICK_MS must be a whole number of milliseconds' })
  @Min(10)
  @Max(86_400_000)
  REGIE_SAFETY_TICK_MS: number = 60_000;
}

export class InvalidConfigError extends Error {
  override readonly name = 'InvalidConfigError';
}

export const loadRegieConfig = (env: NodeJS.ProcessEnv): RegieConfig => {
  const defined = Object.fromEntries(Object.entries(env).filter(([key, value]) => /^(REGIE|KAFKA|EVENTSTORE)_/.test(key) && value !== ''));
  const config = plainToInstance(RegieConfig, defined);
  const issues = flattenValidationErrors(validateSync(config, { stopAtFirstError: true }));
  if (issues.length === 0) issues.push(...oidcConfigIssues(config).map((message) => ({ path: '', message })));
  if (issues.length > 0) {
    throw new InvalidConfigError(`invalid configuration:\n${issues.map((issue) => `  ${issue.message}`).join('\n')}`);
  }
  return config;
};

/** The JSON limits the HTTP layer enforces, from the configuration. */
export const jsonLimitsFrom = (config: RegieConfig): JsonLimits => ({
  maxDepth: config.REGIE_JSON_MAX_DEPTH,
  maxKeys: config.REGIE_JSON_MAX_KEYS,
  maxItems: config.REGIE_JSON_MAX_ITEMS,
  maxStringLength: config.REGIE_JSON_MAX_STRING,
});
