import { Module, type DynamicModule } from '@nestjs/common';
import { ApiDocsModule } from '@regie/platform';
import { deskModules } from '../../desk/src/desk.modules';
import { gatewayModules } from '../../gateway/src/gateway.modules';
import { orchestratorModules } from '../../orchestrator/src/orchestrator.modules';
import type { Platform } from './platform';

export const REGIE_ROLES = ['gateway', 'orchestrator', 'desk'] as const;
export type RegieRole = (typeof REGIE_ROLES)[number];

/** What each deployable role runs; the embedded app runs all three in one process. */
const ROLE_MODULES: Readonly<Record<RegieRole, (platform: Platform) => DynamicModule[]>> = {
  gateway: gatewayModules,
  orchestrator: orchestratorModules,
  desk: deskModules,
};

/** The root module of every Regie process: authentication, health, metrics, its API description, and the modules of its roles. */
@Module({})
export class RegieModule {
  static forRoles(roles: readonly RegieRole[], platform: Platform): DynamicModule {
    return {
      module: RegieModule,
      imports: [
        platform.auth,
        platform.health,
        platform.observability,
        ApiDocsModule,
        ...[...new Set(roles)].flatMap((role) => ROLE_MODULES[role](platform)),
      ],
    };
  }
}
