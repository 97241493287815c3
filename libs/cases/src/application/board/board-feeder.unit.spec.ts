import { InMemoryEventStore, InMemoryProjectionStore, START, type NewEvent } from '@regie/event-store';
import { eventually } from '@regie/testing';
import { InMemoryCaseArchive } from './archive/in-memory-case-archive';
import { BoardFeeder } from './board-feeder';
import { at, opened as openedCase } from './board.test-fixtures';
import { CaseBoard, type BoardState } from './case-board';

const metadata = { causationId: 'test', correlationId: 'test', actor: 'test' };
const opened = (caseId: string, minute: number): NewEvent => ({
  ...openedCase(caseId, minute, { customerId: `cust-${caseId}` }),
  metadata,
});
const resolved = (caseId: string, minute: number): NewEvent => ({
  type: 'CaseResolved',
  data: { caseId, outcome: 'resolved', by: 'ann', resolvedAt: at(minute) },
  metadata,
});

describe('board feeder: the case board from its saved state, history in the archive', () => {
  let store: InMemoryEventStore;
  let snapshots: InMemoryProjectionStore;
  beforeEach(async () => {
    store = new InMemoryEventStore();
    snapshots = new InMemoryProjectionStore();
    await store.appendToStream('case-1', [opened('case-1', 1), resolved('case-1', 2)]);
    await store.appendToStream('case-2', [opened('case-2', 3)]);
  });

  const started = async (archive: InMemoryCaseArchive) => {
    const board = new CaseBoard(archive);
    const feeder = new BoardFeeder(store, snapshots, board);
    const subscribe = jest.spyOn(store, 'subscribe');
    await feeder.onApplicationBootstrap();
    return { board, feeder, after: subscribe.mock.calls.at(-1)![0].after };
  };

  it('saves open cases and agents with their position on shutdown, after writing closed cases to the archive', async () => {
    const archive = new InMemoryCaseArchive(true);
    const { board, feeder } = await started(archive);
    await eventually(async () => expect(board.position).toBe(3));
    await feeder.onApplicationShutdown();
    const saved = await snapshots.load<BoardState>('case-board');
    expect(saved?.position).toBe(3);
    expect(saved?.state.open.map((view) => view.id)).toEqual(['case-2']);
    expect(await archive.get('case-1')).toMatchObject({ status: 'resolved' });
  });

  it('starts from the saved state and follows only what came after it', async () => {
    const archive = new InMemoryCaseArchive(true);
    const first = await started(archive);
    await eventually(async () => expect(first.board.position).toBe(3));
    await first.feeder.onApplicationShutdown();
    await store.appendToStream('case-2', [resolved('case-2', 4)], { expectedRevision: 0 });

    const second = await started(archive);
    expect(second.after).toBe(3);
    await eventually(async () => expect(second.board.position).toBe(4));
    expect(second.board.list()).toEqual([]);
    expect(await second.board.find('case-1')).toMatchObject({ status: 'resolved' });
    expect(await second.board.find('case-2')).toMatchObject({ status: 'resolved', closedAt: at(4) });
    await second.feeder.onApplicationShutdown();
  });

  it('replays from the start when the archive does not outlive the process', async () => {
    await snapshots.save<BoardState>('case-board', { state: { open: [], agents: [] }, position: 3 });
    const { board, feeder, after } = await started(new InMemoryCaseArchive(false));
    expect(after).toBe(START);
    await eventually(async () => expect(board.list().map((view) => view.id)).toEqual(['case-2']));
    await feeder.onApplicationShutdown();
  });

  it("saves again at once when a customer is erased, so no saved state keeps the customer's open case", async () => {
    const archive = new InMemoryCaseArchive(true);
    const { board, feeder } = await started(archive);
    await eventually(async () => expect(board.position).toBe(3));
    await feeder.forgetCustomer('cust-case-2');
    expect((await snapshots.load<BoardState>('case-board'))?.state.open).toEqual([]);
    await feeder.forgetCustomer('cust-case-1');
    expect(await archive.get('case-1')).toBeUndefined();
    await feeder.onApplicationShutdown();
  });
});
