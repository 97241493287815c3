import { failureOf, stackFramesOf } from '@regie/eventsourcing';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent, type Subscription } from '@regie/event-store';
import { CustomerDataHolders } from '@regie/eventsourcing/application';
import { ERASURE_PREFIX, type ErasureRequested } from '../domain';

/**
 * In every process with read models (not only the one that carries erasures out): the holders of
 * this process forget a customer when their erasure is requested, and again once it is done
 * (events of theirs may have arrived in between). Follows from the head at start: what was erased
 * before is not in the store any more, so nothing in memory can have been built from it.
 */
@Injectable()
export class ErasureFollower implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('erasure-follower');
  private readonly customers = new Map<string, string>();
  private subscription?: Subscription;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly holders: CustomerDataHolders,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = this.store.subscribe({
      after: await this.store.headPosition(),
      streamPrefixes: [ERASURE_PREFIX],
      onEvent: (event) => this.apply(event),
      onError: (error) => this.logger.error(`erasure follower stopped: ${failureOf(error)}`, stackFramesOf(error)),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }

  async apply(event: RecordedEvent): Promise<void> {
    if (event.type === 'ErasureRequested') {
      const { customerId } = event.data as ErasureRequested['data'];
      this.customers.set(event.streamName, customerId);
      await this.holders.forget(customerId);
    } else if (event.type === 'CustomerDataErased') {
      const customerId = this.customers.get(event.streamName);
      this.customers.delete(event.streamName);
      if (customerId !== undefined) await this.holders.forget(customerId);
    }
  }
}
