import { Module, type DynamicModule } from '@nestjs/common';
import { CLOCK, type Clock } from '@regie/eventsourcing';

/** Provides CLOCK: the system clock in production, a clock the test moves in tests. */
@Module({})
export class ClockModule {
  static forRoot(clock: Clock): DynamicModule {
    return { module: ClockModule, providers: [{ provide: CLOCK, useValue: clock }], exports: [CLOCK] };
  }
}
