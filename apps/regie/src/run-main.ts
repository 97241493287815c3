import { Logger } from '@nestjs/common';
import { deskSignInLink } from '@regie/web-desk';
import type { RegieRole } from './regie.module';
import { limitHeapGrowthOnceReady } from './heap-growth';
import { startRegieApp } from './start-regie-app';

/** The `main` of every Regie app: start, say where, print development tokens (and web desk sign-in links), or explain why not. */
export const runMain = (name: string, roles: readonly RegieRole[], describe: string): void => {
  const logger = new Logger(name);
  startRegieApp(roles, process.env)
    .then(({ app, url, devTokens, issuer }) => {
      logger.log(`${describe} listening on ${url}`);
      limitHeapGrowthOnceReady(app).catch((error: unknown) => logger.warn(`V8's heap growth left as it is: ${String(error)}`));
      if (issuer) logger.log(`bearer tokens from the OpenID Connect provider ${issuer}; no development tokens`);
      if (!devTokens) return;
      logger.warn('REGIE_JWT_SECRET is not set: using a generated secret from the data dir. Development tokens (12 h):');
      for (const [role, token] of Object.entries(devTokens)) process.stdout.write(`  ${role.padEnd(10)} ${token}\n`);
      if (!roles.includes('desk')) return;
      process.stdout.write('Web desk sign-in links (open one in a browser):\n');
      for (const [role, token] of Object.entries(devTokens)) {
        const link = deskSignInLink(url, role, token);
        if (link) process.stdout.write(`  ${role.padEnd(10)} ${link}\n`);
      }
    })
    .catch((error: unknown) => {
      process.stderr.write(`${name} could not start: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
};
