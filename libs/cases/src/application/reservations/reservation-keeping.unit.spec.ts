import { DomainRuleViolation, fold } from '@regie/eventsourcing';
import { TestClock } from '@regie/eventsourcing/testing';
import { InMemoryEventStore, type EventStore } from '@regie/event-store';
import { agentDecider, agentStream, caseDecider, caseStream, type AgentEvent, type CaseEvent } from '../../domain';
import { AgentStreams, CaseStreams } from '../case-streams';
import { ReservationKeeping } from './reservation-keeping';

/** A process that may die between its two appends: a case append fails whenever `crash()` says so. */
const crashingBetweenAppends = (store: EventStore, crash: () => boolean): EventStore =>
  new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'appendToStream') return Reflect.get(target, property, receiver) as unknown;
      return (stream: string, ...rest: unknown[]) => {
        if (stream.startsWith('case-') && crash()) return Promise.reject(new Error('the process died here'));
        return (target.appendToStream as (...args: unknown[]) => unknown)(stream, ...rest);
      };
    },
  });

/** A small deterministic generator, so a failing run can be repeated. */
const seeded = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

const AGENTS = ['agent-a', 'agent-b', 'agent-c'];
const CASES = Array.from({ length: 80 }, (_, index) => `case-${index}`);
const refusedOrDied = (error: unknown) => {
  if (!(error instanceof DomainRuleViolation) && !String(error).includes('died')) throw error;
};
const metadata = (step: string) => ({ causationId: step, correlationId: step, actor: 'test' });

const opened = (caseId: string) => ({
  type: 'OpenCase' as const,
  data: {
    caseId,
    customerId: `cust-${caseId}`,
    channel: 'live-chat',
    layer: 'assisted' as const,
    trigger: 'handoff-requested' as const,
    reason: 'asked for a person',
    context: { channelsTouched: ['chatbot'], botFailures: 0, earlierCases: [], fromChannel: 'chatbot', fromContactId: 'chat' },
    openedAt: '2026-03-02T09:00:00.000Z',
  },
});

const invariantHolds = async (store: EventStore) => {
  for (const agentId of AGENTS) {
    const agent = fold(agentDecider, (await store.readStream(agentStream(agentId))) as unknown as AgentEvent[]);
    const reserved = agent.status === 'unknown' ? [] : Object.keys(agent.openCases).sort();
    const held: string[] = [];
    for (const caseId of CASES) {
      const state = fold(caseDecider, (await store.readStream(caseStream(caseId))) as unknown as CaseEvent[]);
      if (state.status === 'assigned' && state.assignee === agentId) held.push(caseId);
    }
    expect({ agentId, reserved }).toEqual({ agentId, reserved: held.sort() });
  }
};

describe('reservation keeping: an assignment that stopped between its two appends is finished or undone', () => {
  it.each([1, 2, 3, 4, 5])('keeps reserved capacity equal to assigned cases (failure injection, seed %i)', async (seed) => {
    const random = seeded(seed);
    const store = new InMemoryEventStore();
    let crashing = true;
    const faulty = crashingBetweenAppends(store, () => crashing && random() < 0.35);
    const agents = new AgentStreams(faulty);
    const cases = new CaseStreams(faulty);
    const clock = new TestClock(new Date('2026-03-02T10:00:00.000Z'));
    const at = clock.now().toISOString();
    for (const agentId of AGENTS) {
      const presence = { agentId, status: 'available' as const, channels: ['live-chat'], capacity: { 'live-chat': 40 }, at };
      await agents.handle(agentId, { type: 'SetPresence', data: presence }, metadata(`presence-${agentId}`));
    }
    for (const caseId of CASES) await new CaseStreams(store).handle(caseId, opened(caseId), metadata(`open-${caseId}`));

    // Claims and routings, often two agents racing for one case, some dying between the appends.
    for (let round = 0; round < 200; round += 1) {
      const caseId = CASES[Math.floor(random() * CASES.length)];
      const racers = AGENTS.filter(() => random() < 0.6);
      const reserved: string[] = [];
      for (const agentId of racers) {
        const how = random() < 0.5 ? ('claimed' as const) : ('routed' as const);
        const take = { type: 'TakeCase' as const, data: { caseId, channel: 'live-chat', how, now: at } };
        const taken = await agents.handle(agentId, take, metadata(`take-${round}`)).catch(refusedOrDied);
        if (taken) reserved.push(agentId);
      }
      // Only who reserved capacity goes on to the case, as the claim handler and the dispatcher do.
      for (const agentId of reserved) {
        const assign = { type: 'AssignCase' as const, data: { agentId, how: 'claimed' as const, now: at } };
        await cases.handle(caseId, assign, metadata(`assign-${round}-${agentId}`)).catch(refusedOrDied);
      }
    }
    crashing = false;

    // After the restart: the keeping goes over every recorded reservation (twice: a replay changes nothing).
    const keeping = new ReservationKeeping(clock, store, new CaseStreams(store), new AgentStreams(store));
    for (let pass = 0; pass < 2; pass += 1) {
      for (const event of await store.readAll({ streamPrefixes: ['agent-'] })) await keeping.onEvent(event);
    }
    await invariantHolds(store);
  });
});
