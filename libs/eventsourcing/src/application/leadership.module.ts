import { Module, type DynamicModule } from '@nestjs/common';
import { Leadership } from './leadership';
import type { ModuleImports } from './module-imports';

/** One leadership per process; `messaging` provides the election. */
@Module({})
export class LeadershipModule {
  static forRoot(messaging: ModuleImports): DynamicModule {
    return { module: LeadershipModule, imports: [...messaging], providers: [Leadership], exports: [Leadership] };
  }
}
