import { Module, type DynamicModule } from '@nestjs/common';
import type { ModuleImports } from '@regie/eventsourcing/application';
import { DISPATCH_TICK_MS, Dispatcher } from './dispatcher';

/**
 * Routing queued cases to agents and service-level breaches: a single writer per deployment.
 * Needs the board, the concept and leadership.
 */
@Module({})
export class DispatchModule {
  static forRoot(imports: ModuleImports, settings: { readonly tickMs: number }): DynamicModule {
    return {
      module: DispatchModule,
      imports: [...imports],
      providers: [Dispatcher, { provide: DISPATCH_TICK_MS, useValue: settings.tickMs }],
    };
  }
}
