import { Test } from '@nestjs/testing';
import { EVENT_STORE, EventStoreModule, type EventStore } from '@regie/event-store';
import { JOURNEY_STATE_KIND, type JourneyCommand, type JourneyEvent } from '../domain';
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

const ended = (customerId: string, contactId: string): JourneyCommand => ({
  type: 'RecordInteraction',
  data: {
    observed: {
      type: 'ContactEnded',
      data: { customerId, contactId, channel: 'web', layer: 'self-service', occurredAt: '2026-03-02T09:05:00.000Z', outcome: 'resolved' },
    },
  },
});

const metadata = (key: string) => ({ causationId: key, correlationId: key, actor: 'spec', idempotencyKey: key });

/** A journey module on an in-memory store, whose reads of streams are listed in `reads`. */
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
  return { journeys: module.get(JourneyStreams), store, reads, close: () => module.close() };
};

describe('JourneyStreams: the journeys kept folded', () => {
  /** The first customer's two contacts, the other two's first, then the first customer's third: what of its stream was read for it. */
  const readsForAReturningCustomer = async (options?: JourneyModuleOptions): Promise<string[]> => {
    const { journeys, reads, close } = await journeysWith(options);
    try {
      await journeys.handle('c1', started('c1', 'c1-k0'), metadata('c1-first'));
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

describe('JourneyStreams: the journeys let go from memory', () => {
  /** One batch through the ingest's path (handleMany): the events it recorded. */
  const recorded = async (journeys: JourneyStreams, customerId: string, command: JourneyCommand, key: string): Promise<JourneyEvent[]> => {
    const [handled] = await journeys.handleMany(new Map([[customerId, [{ command, metadata: metadata(key) }]]]));
    return [...handled!.events];
  };

  /** c1's contact started and ended, then two more customers: c1's journey is let go (two are kept). */
  const withC1LetGo = async () => {
    const module = await Test.createTestingModule({
      imports: [JourneyModule.forRoot([EventStoreModule.forRoot({ kind: 'memory' })], { cachedJourneys: 2 })],
    }).compile();
    const store = module.get<EventStore>(EVENT_STORE);
    const journeys = module.get(JourneyStreams);
    await recorded(journeys, 'c1', started('c1', 'k1'), 'c1-start');
    await recorded(journeys, 'c1', ended('c1', 'k1'), 'c1-end');
    for (const customer of ['c2', 'c3']) await recorded(journeys, customer, started(customer, 'k1'), customer);
    for (let turn = 0; turn < 20 && !(await store.readSnapshot!('journey-c1')); turn += 1)
      await new Promise((resolve) => setImmediate(resolve));
    return { module, store, journeys };
  };

  it('given a customer let go, decides their return on the journey saved as a snapshot, reading none of their stream', async () => {
    const { module, store, journeys } = await withC1LetGo();
    try {
      expect(await store.readSnapshot!('journey-c1')).toMatchObject({ revision: 1, kind: JOURNEY_STATE_KIND });
      const reads = jest.spyOn(store, 'readStream');
      // The contact ended already: the journey as saved knows it, so the end sent again records nothing.
      expect(await recorded(journeys, 'c1', ended('c1', 'k1'), 'c1-end-again')).toEqual([]);
      expect((await recorded(journeys, 'c1', started('c1', 'k2'), 'c1-k2')).map((event) => event.type)).toEqual(['ContactStarted']);
      expect(reads).not.toHaveBeenCalled();
      expect((await store.readStream('journey-c1')).map((event) => event.revision)).toEqual([0, 1, 2]);
    } finally {
      await module.close();
    }
  });

  it('saves every journey it holds as a snapshot when the app stops', async () => {
    const { journeys, store, close } = await journeysWith();
    await recorded(journeys, 'c1', started('c1', 'k1'), 'c1-start');
    await recorded(journeys, 'c1', ended('c1', 'k1'), 'c1-end');
    await recorded(journeys, 'c2', started('c2', 'k1'), 'c2-start');
    expect(await store.readSnapshot!('journey-c1')).toBeUndefined();
    await close();
    expect(await store.readSnapshot!('journey-c1')).toMatchObject({ revision: 1, kind: JOURNEY_STATE_KIND });
    expect(await store.readSnapshot!('journey-c2')).toMatchObject({ revision: 0, kind: JOURNEY_STATE_KIND });
  });

  it('given the journeys held saved as the app stops, when input still in flight is recorded, then its journeys are saved too', async () => {
    const { journeys, store, close } = await journeysWith();
    try {
      await recorded(journeys, 'c1', started('c1', 'k1'), 'c1-start');
      await journeys.beforeApplicationShutdown();
      expect(await store.readSnapshot!('journey-c1')).toMatchObject({ revision: 0 });
      // An HTTP request or a Kafka batch the app had taken before its input stopped.
      await recorded(journeys, 'c1', ended('c1', 'k1'), 'c1-end');
      await recorded(journeys, 'c2', started('c2', 'k1'), 'c2-start');
      expect(await store.readSnapshot!('journey-c1')).toMatchObject({ revision: 1, kind: JOURNEY_STATE_KIND });
      expect(await store.readSnapshot!('journey-c2')).toMatchObject({ revision: 0, kind: JOURNEY_STATE_KIND });
    } finally {
      await close();
    }
  });

  it('given a customer erased while their journey is held, appends nothing onto what was erased, and keeps none of it', async () => {
    const module = await Test.createTestingModule({
      imports: [JourneyModule.forRoot([EventStoreModule.forRoot({ kind: 'memory' })])],
    }).compile();
    const store = module.get<EventStore>(EVENT_STORE);
    const journeys = module.get(JourneyStreams);
    try {
      await recorded(journeys, 'c1', started('c1', 'k1'), 'c1-start');
      await recorded(journeys, 'c1', ended('c1', 'k1'), 'c1-end');
      // Erased in the store before the holders are told (forgetCustomer): the journey held is of the erased stream.
      await store.deleteStream('journey-c1');
      expect((await recorded(journeys, 'c1', started('c1', 'k2'), 'c1-k2')).map((event) => event.type)).toEqual(['ContactStarted']);
      expect((await store.readStream('journey-c1')).map((event) => event.revision)).toEqual([2]);
      await module.close();
      // Saved as it is held: the contact after the erasure, and nothing of k1.
      const saved = await store.readSnapshot!('journey-c1');
      expect(saved).toMatchObject({ revision: 2, state: { contactsSeen: 1 } });
      expect(JSON.stringify(saved)).not.toContain('k1');
    } finally {
      await module.close();
    }
  });

  it('given a customer let go and then erased, keeps no snapshot of them, and starts their journey again from the store', async () => {
    const { module, store, journeys } = await withC1LetGo();
    try {
      journeys.forgetCustomer('c1');
      await store.deleteStream('journey-c1');
      expect(await store.readSnapshot!('journey-c1')).toBeUndefined();
      expect((await recorded(journeys, 'c1', ended('c1', 'k1'), 'c1-end-after')).map((event) => event.type)).toEqual(['ContactEnded']);
    } finally {
      await module.close();
    }
  });
});
