import { discoverOidcProvider, resolveJwtSecret, type Identity } from '@regie/auth';
import { oidcOptionsFrom, type RegieConfig } from '@regie/platform';

/**
 * With REGIE_OIDC_ISSUER: the provider, discovered at start. Otherwise Regie's own secret; `generated`
 * when it came from the data dir, which is when development tokens are printed (never with a provider).
 */
export const resolveIdentity = async (config: RegieConfig): Promise<{ identity: Identity; generated: boolean }> => {
  const oidc = oidcOptionsFrom(config);
  if (oidc) return { identity: { mode: 'oidc', options: oidc, provider: await discoverOidcProvider(oidc) }, generated: false };
  const { secret, generated } = resolveJwtSecret(config.REGIE_JWT_SECRET, config.REGIE_DATA_DIR);
  return { identity: { mode: 'embedded', secret }, generated };
};
