import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ResolvedSecret {
  readonly secret: string;
  /** True when no secret was configured and one was generated (or reused) from the data dir. */
  readonly generated: boolean;
}

/** REGIE_JWT_SECRET when set; else a random secret kept in `<dataDir>/jwt-secret` so tokens survive restarts. */
export const resolveJwtSecret = (configured: string | undefined, dataDir: string): ResolvedSecret => {
  if (configured) return { secret: configured, generated: false };
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return { secret: readFileSync(file, 'utf8').trim(), generated: true };
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return { secret, generated: true };
};
