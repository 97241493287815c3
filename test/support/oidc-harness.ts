import type { RegieHarness } from './regie-harness';
import { startHarness } from './regie-harness';
import type { TestOidcProvider } from './oidc-provider';

/** The environment that points Regie at the test provider; Regie's own secret is left out (they exclude each other). */
export const oidcEnv = (provider: TestOidcProvider, env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  REGIE_JWT_SECRET: '',
  REGIE_OIDC_ISSUER: provider.issuer,
  REGIE_OIDC_AUDIENCE: provider.audience,
  REGIE_OIDC_CLIENT_ID: provider.clientId,
  ...env,
});

/** The all-in-one app trusting the test provider. */
export const startOidcHarness = (provider: TestOidcProvider, env: NodeJS.ProcessEnv = {}): Promise<RegieHarness> =>
  startHarness({ env: oidcEnv(provider, env) });
