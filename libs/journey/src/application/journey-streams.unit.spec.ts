import { Test } from '@nestjs/testing';
import { EVENT_STORE, EventStoreModule, type EventStore } from '@regie/event-store';
import type { JourneyCommand } from '../domain';
import { JourneyModule, type JourneyModuleOptions } from './journey.module';
import { JourneyStreams } from './journey-streams';

const started = (customerId: string, contactId: string): JourneyCommand => ({
  type: 'RecordInteraction',
  data: {
    observed: {
      type: 'ContactStarted',
      data: { customerId, contactId, channel: 'web', layer: 'self-service', occurredAt: '2026-03-02T09:00:00.000Z' },
    },
  },
});

const metadata = (key: string) => ({ causationId: key, correlationId: key, actor: 'spec', idempotencyKey: key });

describe('JourneyStreams: the journeys kept folded', () => {
  const journeysWith = async (options?: JourneyModuleOptions) => {
    const module = await Test.createTestingModule({
      imports: [JourneyModule.forRoot([EventStoreModule.forRoot({ kind: 'memory' })], options)],
    }).compile();
    const store = module.get<EventStore>(EVENT_STORE);
    const reads: string[] = [];
    const readStream = store.readStream.bind(store);
    store.readStream = (stream, read) => {
      reads.push(`${stream} from ${read?.fromRevision ?? 0}`);
      return readStream(stream, read);
    };
    return { journeys: module.get(JourneyStreams), reads, close: () => module.close() };
  };

  /** Three customers' first contacts, then the first customer's second: what of its stream was read for it. */
  const readsForAReturningCustomer = async (options?: JourneyModuleOptions): Promise<string[]> => {
    const { journeys, reads, close } = await journeysWith(options);
    try {
      for (const customer of ['c1', 'c2', 'c3']) await journeys.handle(customer, started(customer, `${customer}-k1`), metadata(customer));
      reads.length = 0;
      await journeys.handle('c1', started('c1', 'c1-k2'), metadata('c1-again'));
      return reads;
    } finally {
      await close();
    }
  };

  it('given as many as configured, decides a returning customer’s event on the journey kept, reading only what came after it', async () => {
    expect(await readsForAReturningCustomer({ cachedJourneys: 3 })).toEqual(['journey-c1 from 1']);
    expect(await readsForAReturningCustomer()).toEqual(['journey-c1 from 1']);
  });

  it('given fewer than the customers since, reads a returning customer’s journey from its start', async () => {
    expect(await readsForAReturningCustomer({ cachedJourneys: 2 })).toEqual(['journey-c1 from 0']);
  });
});
