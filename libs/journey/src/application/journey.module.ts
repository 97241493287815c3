import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { ModuleImports } from '@regie/eventsourcing/application';
import { CustomersHttpController } from './customers.http.controller';
import { GetJourneyHandler } from './get-journey/get-journey.handler';
import { DEFAULT_JOURNEYS_CACHED, JOURNEYS_CACHED, JourneyStreams } from './journey-streams';

export interface JourneyModuleOptions {
  /**
   * Customers whose journeys are kept folded in memory (JourneyStreams' cache, and the escalation processor's);
   * DEFAULT_JOURNEYS_CACHED when left out.
   */
  readonly cachedJourneys?: number;
}

/** Commands on journeys, for every role that records or reacts to interactions. Needs the store. */
@Module({})
export class JourneyModule {
  static forRoot(store: ModuleImports, options: JourneyModuleOptions = {}): DynamicModule {
    return {
      module: JourneyModule,
      imports: [...store],
      providers: [JourneyStreams, { provide: JOURNEYS_CACHED, useValue: options.cachedJourneys ?? DEFAULT_JOURNEYS_CACHED }],
      exports: [JourneyStreams, JOURNEYS_CACHED],
    };
  }
}

/** The desk's part for journeys: agents and supervisors read a customer's timeline. Needs the store. */
@Module({})
export class JourneyDeskModule {
  static forRoot(store: ModuleImports): DynamicModule {
    return {
      module: JourneyDeskModule,
      imports: [CqrsModule, ...store],
      providers: [GetJourneyHandler],
      controllers: [CustomersHttpController],
    };
  }
}
