import { InMemoryEventStore } from '@regie/event-store';
import { eventually } from '@regie/testing';
import { safetyStream } from '../domain/safety.events';
import { SafetyBoard } from './safety-board';
import { StoreExclusions } from './store-exclusions';

const metadata = { causationId: 'test', correlationId: 'test', actor: 'sup-1' };
const now = new Date('2026-03-01T12:00:00.000Z');
const exclusion = (customerId: string) => ({
  type: 'ExclusionRegistered',
  data: {
    exclusionId: `excl-${customerId}`,
    customerId,
    channels: ['video'],
    startsAt: '2026-03-01T00:00:00.000Z',
    endsAt: '2026-06-01T00:00:00.000Z',
    reason: 'threats during a video call',
    reportIds: [],
    alternatives: ['phone'],
    actor: 'sup-1',
    at: '2026-03-01T00:00:00.000Z',
  },
  metadata,
});

describe('StoreExclusions: the channels closed to a customer, as of the event acted on', () => {
  let store: InMemoryEventStore;
  let board: SafetyBoard;
  let exclusions: StoreExclusions;
  beforeEach(() => {
    store = new InMemoryEventStore();
    board = new SafetyBoard(store);
    exclusions = new StoreExclusions(store, board);
  });
  afterEach(() => board.onApplicationShutdown());

  it("reads the customer's own stream when asked without a position, whatever the board has seen", async () => {
    await store.appendToStream(safetyStream('cust-1'), [exclusion('cust-1')]);
    expect(await exclusions.excludedChannels('cust-1', now)).toEqual({ video: ['phone'] });
  });

  it('answers from the board, without reading, for a customer with no safety record once the board has seen the event', async () => {
    const { position } = await store.appendToStream(safetyStream('cust-1'), [exclusion('cust-1')]);
    board.onApplicationBootstrap();
    await eventually(async () => expect(board.seenUpTo).toBeGreaterThanOrEqual(position));
    const read = jest.spyOn(store, 'readStream');
    expect(await exclusions.excludedChannels('cust-2', now, position)).toEqual({});
    expect(read).not.toHaveBeenCalled();
    expect(await exclusions.excludedChannels('cust-1', now, position)).toEqual({ video: ['phone'] });
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('reads the stream while the board has not yet seen up to the event, so a new exclusion is never missed', async () => {
    const { position } = await store.appendToStream(safetyStream('cust-3'), [exclusion('cust-3')]);
    expect(board.seenUpTo).toBeLessThan(position); // the board is not following yet
    expect(await exclusions.excludedChannels('cust-3', now, position)).toEqual({ video: ['phone'] });
  });
});
