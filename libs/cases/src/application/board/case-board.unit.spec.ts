import type { RecordedEvent } from '@regie/event-store';
import type { AgentEvent } from '../../domain/agent/agent.events';
import type { CaseEvent } from '../../domain/case/case.events';
import { InMemoryCaseArchive } from './archive/in-memory-case-archive';
import { at, opened } from './board.test-fixtures';
import { CaseBoard, type BoardChange } from './case-board';

let position = 0;
/** The event as the store hands it over, at the next position. */
const recorded = (event: CaseEvent | AgentEvent): RecordedEvent => {
  position += 1;
  const streamName =
    'caseId' in event.data && event.type !== 'CaseTaken' && event.type !== 'CaseReleased'
      ? `case-${event.data.caseId}`
      : `agent-${(event.data as { agentId: string }).agentId}`;
  const metadata = { causationId: 'test', correlationId: 'test', actor: 'test' };
  return { ...event, metadata, eventId: `event-${position}`, streamName, revision: 0, position, recordedAt: at(0) };
};

const assigned = (caseId: string, agentId: string, minute: number): CaseEvent => ({
  type: 'CaseAssigned',
  data: { caseId, agentId, channel: 'live-chat', assignedAt: at(minute), how: 'routed' },
});
const presence = (agentId: string, minute: number): AgentEvent => ({
  type: 'PresenceChanged',
  data: { agentId, status: 'available', channels: ['live-chat'], capacity: { 'live-chat': 2 }, at: at(minute) },
});

describe('case board', () => {
  let board: CaseBoard;
  let archive: InMemoryCaseArchive;
  let changes: BoardChange[];
  const given = (...events: (CaseEvent | AgentEvent)[]) => {
    for (const event of events) board.apply(recorded(event));
    return board;
  };
  beforeEach(() => {
    archive = new InMemoryCaseArchive(true);
    board = new CaseBoard(archive);
    changes = [];
    board.changes.subscribe((change) => changes.push(change));
  });

  describe('a case as it goes', () => {
    it('shows an opened case as queued, with its story and service level', () => {
      given(opened('case-1', 1, { serviceLevelDueAt: at(2), escalatedFrom: 'case-0' }));
      expect(board.open('case-1')).toEqual({
        id: 'case-1',
        customerId: 'cust-1',
        channel: 'live-chat',
        layer: 'assisted',
        status: 'queued',
        reason: 'the chatbot did not understand the customer repeatedly',
        trigger: 'bot-fallbacks',
        context: opened('case-1', 1).data.context,
        openedAt: at(1),
        serviceLevelDueAt: at(2),
        escalatedFrom: 'case-0',
        breached: false,
        opened: opened('case-1', 1, { serviceLevelDueAt: at(2), escalatedFrom: 'case-0' }).data,
      });
    });

    it('shows who it was assigned to and when', () => {
      given(opened('case-1', 1), assigned('case-1', 'ann', 3));
      expect(board.open('case-1')).toMatchObject({ status: 'assigned', assignee: 'ann', assignedAt: at(3) });
    });

    it('marks a breach, and moves an overflowed case to its new queue', () => {
      given(
        opened('case-1', 1),
        { type: 'ServiceLevelBreached', data: { caseId: 'case-1', channel: 'live-chat', waitedSeconds: 60, breachedAt: at(2) } },
        {
          type: 'CaseOverflowed',
          data: { caseId: 'case-1', fromChannel: 'live-chat', toChannel: 'phone', layer: 'assisted', overflowedAt: at(2) },
        },
      );
      expect(board.open('case-1')).toMatchObject({ status: 'queued', breached: true, channel: 'phone', layer: 'assisted' });
    });

    it('closes a case as resolved, escalated or abandoned: it leaves the open cases and is still found', async () => {
      given(
        opened('case-1', 1),
        assigned('case-1', 'ann', 2),
        { type: 'CaseResolved', data: { caseId: 'case-1', outcome: 'unresolved', by: 'ann', resolvedAt: at(9) } },
        opened('case-2', 1),
        assigned('case-2', 'ann', 2),
        {
          type: 'CaseEscalated',
          data: { caseId: 'case-2', toChannel: 'video', newCaseId: 'case-3', reason: 'documents', by: 'ann', escalatedAt: at(8) },
        },
        opened('case-4', 1),
        { type: 'CaseAbandoned', data: { caseId: 'case-4', reason: 'the customer left', abandonedAt: at(7) } },
      );
      expect(await board.find('case-1')).toMatchObject({ status: 'resolved', outcome: 'unresolved', closedAt: at(9) });
      expect(await board.find('case-2')).toMatchObject({
        status: 'resolved',
        outcome: 'escalated',
        escalatedTo: 'case-3',
        closedAt: at(8),
      });
      expect(await board.find('case-4')).toMatchObject({ status: 'abandoned', closedAt: at(7) });
      expect(board.open('case-1')).toBeUndefined();
      expect(board.list()).toEqual([]);
      expect(board.state().open).toEqual([]);
    });

    it('ignores events of a case it never saw opened', () => {
      given(assigned('case-9', 'ann', 1));
      expect(board.open('case-9')).toBeUndefined();
      expect(board.list()).toEqual([]);
    });

    it('applies each position once, so a replayed or older event changes nothing', () => {
      const open = recorded(opened('case-1', 1));
      const assign = recorded(assigned('case-1', 'ann', 2));
      board.apply(open);
      board.apply(assign);
      board.apply(open);
      board.apply(assign);
      expect(board.position).toBe(assign.position);
      expect(board.open('case-1')).toMatchObject({ status: 'assigned' });
      expect(changes).toHaveLength(2);
    });
  });

  describe('listings', () => {
    beforeEach(() =>
      given(
        opened('case-1', 5),
        opened('case-2', 1, { channel: 'video', layer: 'personal' }),
        opened('case-3', 3),
        opened('case-4', 2, { customerId: 'cust-2' }),
        assigned('case-3', 'ann', 4),
      ),
    );
    const ids = (views: { id: string }[]) => views.map((view) => view.id);

    it('lists every case without a filter, and filters by status, channel, layer and assignee', () => {
      expect(ids(board.list())).toEqual(['case-1', 'case-2', 'case-3', 'case-4']);
      expect(ids(board.list({ status: 'assigned' }))).toEqual(['case-3']);
      expect(ids(board.list({ channel: 'video' }))).toEqual(['case-2']);
      expect(ids(board.list({ layer: 'assisted', status: 'queued' }))).toEqual(['case-4', 'case-1']); // a queue: oldest first
      expect(ids(board.list({ assignee: 'ann' }))).toEqual(['case-3']);
      expect(board.list({ assignee: 'bob' })).toEqual([]);
    });

    it('lists the queue oldest first', () => expect(ids(board.queued())).toEqual(['case-2', 'case-4', 'case-1']));

    it('sums up each queue: who waits, how many past the service level, since when the oldest waits', () => {
      given({ type: 'ServiceLevelBreached', data: { caseId: 'case-4', channel: 'live-chat', waitedSeconds: 240, breachedAt: at(6) } });
      expect(board.queueSummary()).toEqual(
        new Map([
          ['live-chat', { waiting: 2, breached: 1, oldestOpenedAt: at(2) }],
          ['video', { waiting: 1, breached: 0, oldestOpenedAt: at(1) }],
        ]),
      );
      given(assigned('case-2', 'ann', 7), {
        type: 'CaseResolved',
        data: { caseId: 'case-4', outcome: 'resolved', by: 'ann', resolvedAt: at(8) },
      });
      expect(board.queueSummary()).toEqual(new Map([['live-chat', { waiting: 1, breached: 0, oldestOpenedAt: at(5) }]]));
      expect(ids(board.list({ status: 'queued' }))).toEqual(['case-1']);
    });

    it("keeps each channel's queue oldest first, also when a case arrives out of order, and moves an overflowed case", () => {
      given(opened('case-5', 0), opened('case-6', 2, { serviceLevelDueAt: at(9) }));
      expect(ids([...board.queuedIn('live-chat')])).toEqual(['case-5', 'case-4', 'case-6', 'case-1']);
      given({
        type: 'CaseOverflowed',
        data: { caseId: 'case-6', fromChannel: 'live-chat', toChannel: 'video', layer: 'personal', overflowedAt: at(9) },
      });
      expect(ids([...board.queuedIn('live-chat')])).toEqual(['case-5', 'case-4', 'case-1']);
      expect(ids([...board.queuedIn('video')])).toEqual(['case-2', 'case-6']);
      expect(ids([...board.queuedOldestFirst(['video', 'live-chat'])])).toEqual(['case-5', 'case-2', 'case-4', 'case-6', 'case-1']);
      expect(ids([...board.queuedOldestFirst(['video'])])).toEqual(['case-2', 'case-6']);
    });

    it('finds the queued cases that fall due, soonest first, until their breach is shown', () => {
      given(opened('case-7', 6, { serviceLevelDueAt: at(8) }), opened('case-8', 6, { serviceLevelDueAt: at(7) }));
      expect(ids(board.dueBy(Date.parse(at(6))))).toEqual([]);
      expect(ids(board.dueBy(Date.parse(at(7))))).toEqual(['case-8']);
      expect(ids(board.dueBy(Date.parse(at(30))))).toEqual(['case-8', 'case-7']);
      given({ type: 'ServiceLevelBreached', data: { caseId: 'case-8', channel: 'live-chat', waitedSeconds: 60, breachedAt: at(7) } });
      given(assigned('case-7', 'ann', 7));
      expect(board.dueBy(Date.parse(at(30)))).toEqual([]);
    });

    it("forgets an erased customer's cases from the queues too", async () => {
      await board.forgetCustomer('cust-2');
      expect(ids(board.list({ status: 'queued' }))).toEqual(['case-2', 'case-1']);
      expect(board.queueSummary().get('live-chat')).toEqual({ waiting: 1, breached: 0, oldestOpenedAt: at(5) });
    });

    it("knows a customer's cases, open and closed, in the order they were opened", async () => {
      given({ type: 'CaseResolved', data: { caseId: 'case-3', outcome: 'resolved', by: 'ann', resolvedAt: at(8) } });
      expect(await board.casesOf('cust-1')).toEqual(['case-2', 'case-3', 'case-1']);
      await board.flush();
      given(opened('case-5', 9));
      expect(await board.casesOf('cust-1')).toEqual(['case-3', 'case-2', 'case-1', 'case-5']); // closed first (the archive's), then the rest
      expect(await board.casesOf('cust-2')).toEqual(['case-4']);
      expect(await board.casesOf('cust-3')).toEqual([]);
    });
  });

  describe('history', () => {
    const resolved = (caseId: string, minute: number): CaseEvent => ({
      type: 'CaseResolved',
      data: { caseId, outcome: 'resolved', by: 'ann', resolvedAt: at(minute) },
    });
    const ids = (views: { id: string }[]) => views.map((view) => view.id);

    it('writes closed cases to the archive on a flush, and finds them there after', async () => {
      given(opened('case-1', 1), assigned('case-1', 'ann', 2), resolved('case-1', 3), opened('case-2', 4));
      expect(await archive.get('case-1')).toBeUndefined();
      await board.flush();
      expect(await archive.get('case-1')).toMatchObject({ id: 'case-1', status: 'resolved' });
      expect(await archive.get('case-2')).toBeUndefined();
      expect(await board.find('case-1')).toMatchObject({ status: 'resolved', closedAt: at(3) });
    });

    it('pages closed cases from the archive and those not yet written, in one order, after the cursor', async () => {
      given(opened('case-1', 1), resolved('case-1', 5), opened('case-3', 3), resolved('case-3', 6));
      await board.flush();
      given(opened('case-2', 2), resolved('case-2', 7), opened('case-4', 4));
      expect(ids(await board.closed({ limit: 10 }))).toEqual(['case-1', 'case-2', 'case-3']);
      expect(ids(await board.closed({ limit: 1, after: [at(1), 'case-1'] }))).toEqual(['case-2']);
      expect(ids(await board.closed({ limit: 10, status: 'abandoned' }))).toEqual([]);
    });

    it('starts again from its state: open cases in their queues, agents, and the position', () => {
      given(
        presence('ann', 1),
        opened('case-1', 2),
        opened('case-2', 3),
        assigned('case-2', 'ann', 4),
        opened('case-3', 5),
        resolved('case-3', 6),
      );
      const restarted = new CaseBoard(archive);
      restarted.restore(JSON.parse(JSON.stringify(board.state())), board.position);
      expect(restarted.position).toBe(board.position);
      expect(ids(restarted.list({ status: 'queued' }))).toEqual(['case-1']);
      expect(restarted.open('case-2')).toEqual(board.open('case-2'));
      expect(restarted.open('case-3')).toBeUndefined();
      expect(restarted.agent('ann')).toEqual(board.agent('ann'));
      expect(restarted.queueSummary()).toEqual(board.queueSummary());
    });

    it("erases a customer's closed cases from the archive and from what is not yet written", async () => {
      given(opened('case-1', 1), resolved('case-1', 2));
      await board.flush();
      given(opened('case-2', 3), resolved('case-2', 4), opened('case-3', 5, { customerId: 'cust-2' }), resolved('case-3', 6));
      await board.forgetCustomer('cust-1');
      expect(await board.find('case-1')).toBeUndefined();
      expect(await board.find('case-2')).toBeUndefined();
      expect(ids(await board.closed({ limit: 10 }))).toEqual(['case-3']);
      expect(await board.casesOf('cust-1')).toEqual([]);
    });
  });

  describe('agents', () => {
    it('folds each agent from its events, in the order agents were first seen', () => {
      given(presence('bob', 1), presence('ann', 2), {
        type: 'CaseTaken',
        data: { agentId: 'bob', caseId: 'case-1', channel: 'live-chat', at: at(3) },
      });
      expect(board.agent('bob')).toMatchObject({ status: 'available', openCases: { 'case-1': 'live-chat' }, lastActiveAt: at(3) });
      expect(board.allAgents().map((agent) => agent.status !== 'unknown' && agent.agentId)).toEqual(['bob', 'ann']);
      expect(board.agent('cem')).toBeUndefined();
    });
  });

  describe('changes', () => {
    it('tells of every event applied, with the case as it now stands for case events', () => {
      given(opened('case-1', 1), presence('ann', 2), assigned('case-1', 'ann', 3));
      expect(changes.map((change) => [change.event.type, change.caseView?.status])).toEqual([
        ['CaseOpened', 'queued'],
        ['PresenceChanged', undefined],
        ['CaseAssigned', 'assigned'],
      ]);
      expect(changes[1]).not.toHaveProperty('caseView');
      expect(changes.map((change) => change.event.position)).toEqual([position - 2, position - 1, position]);
    });

    it('tells of events it has nothing to show for, without a case', () => {
      given(assigned('case-9', 'ann', 1));
      expect(changes).toHaveLength(1);
      expect(changes[0]).not.toHaveProperty('caseView');
    });
  });
});
