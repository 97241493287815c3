import { Module, type DynamicModule } from '@nestjs/common';
import type { ModuleImports } from '@regie/eventsourcing/application';
import { ReservationKeeper } from '../reservations/reservation-keeper';
import { ReservationKeeping } from '../reservations/reservation-keeping';
import { DISPATCH_TICK_MS, Dispatcher } from './dispatcher';

/**
 * Routing queued cases to agents, service-level breaches, and keeping reservations and assignments
 * together: single writers per deployment. Needs the store, the board, the concept, leadership and the clock.
 */
@Module({})
export class DispatchModule {
  static forRoot(imports: ModuleImports, settings: { readonly tickMs: number }): DynamicModule {
    return {
      module: DispatchModule,
      imports: [...imports],
      providers: [Dispatcher, ReservationKeeping, ReservationKeeper, { provide: DISPATCH_TICK_MS, useValue: settings.tickMs }],
    };
  }
}
