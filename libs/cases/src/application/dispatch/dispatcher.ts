import { CLOCK, type Clock, failureOf, stackFramesOf } from '@regie/eventsourcing';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DomainRuleViolation } from '@regie/eventsourcing';
import { layerOf, overflowTargetOf, ConceptInForce } from '@regie/concept';
import type { Subscription as RxSubscription } from 'rxjs';
import { Leadership, type SingleWriter } from '@regie/eventsourcing/application';
import { chooseAgents } from '../../domain/agent/agent-choice';
import { CaseBoard, type CaseView } from '../board/case-board';
import { CaseStreams, AgentStreams } from '../case-streams';

/** How often it looks whether something is due. */
export const DISPATCH_TICK_MS = Symbol('DISPATCH_TICK_MS');

const ACTOR = 'regie:dispatcher';

const metadata = (caseId: string, step: string) => ({
  causationId: `${step}:${caseId}`,
  correlationId: caseId,
  actor: ACTOR,
});

/**
 * Routes queued cases to agents, longest idle first, and breaches service levels. It runs one
 * round at a time; the agent's stream guards capacity, so even a stale board never over-assigns.
 * In a distributed deployment exactly one instance may run it (a single writer).
 */
@Injectable()
export class Dispatcher implements OnApplicationBootstrap, SingleWriter {
  readonly name = 'dispatcher';
  private readonly logger = new Logger('dispatcher');
  private running = false;
  private again = false;
  /** Cases this dispatcher assigned whose assignment the board has not yet seen: caseId → position written. */
  private readonly pending = new Map<string, number>();

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly board: CaseBoard,
    private readonly cases: CaseStreams,
    private readonly agents: AgentStreams,
    private readonly concept: ConceptInForce,
    @Inject(DISPATCH_TICK_MS) private readonly tickMs: number,
    private readonly leadership: Leadership,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.leadership.whileLeading(this);
  }

  async start(): Promise<{ stop(): void }> {
    const changes: RxSubscription = this.board.changes.subscribe(() => this.kick());
    const timer = setInterval(() => this.kick(), this.tickMs);
    timer.unref();
    this.kick();
    return {
      stop: () => {
        changes.unsubscribe();
        clearInterval(timer);
      },
    };
  }

  /** Ask for a round; rounds never overlap, and a request during a round runs one more. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.round()
      .catch((error: unknown) => this.logger.error(`dispatch round failed: ${failureOf(error)}`, stackFramesOf(error)))
      .finally(() => {
        this.running = false;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /**
   * Breaches what has fallen due, then offers the queues to agents oldest case first. A channel no agent
   * can take now is left for this round, so a round costs what it does, not what waits.
   */
  private async round(): Promise<void> {
    const now = this.clock.now();
    for (const [caseId, position] of this.pending) if (this.board.position >= position) this.pending.delete(caseId);
    const breached = new Set<string>();
    for (const view of this.board.dueBy(now.getTime())) {
      if (this.pending.has(view.id)) continue;
      await this.breach(view, now);
      breached.add(view.id); // offered again once the board shows the breach (and the queue it overflowed to)
    }
    const open = new Set(this.board.queuedChannels());
    for (const view of this.board.queuedOldestFirst([...open])) {
      if (!open.has(view.channel) || this.pending.has(view.id) || breached.has(view.id)) continue;
      if (!(await this.assign(view, now))) open.delete(view.channel);
      if (open.size === 0) return;
    }
  }

  private async breach(view: CaseView, now: Date): Promise<void> {
    const overflow = overflowTargetOf(this.concept.current(), view.channel);
    const layer = overflow ? layerOf(this.concept.current(), overflow) : undefined;
    await this.cases.handle(
      view.id,
      {
        type: 'BreachServiceLevel',
        data: { now: now.toISOString(), ...(overflow && layer && { overflowTo: { channel: overflow, layer } }) },
      },
      metadata(view.id, 'breach'),
    );
  }

  /** Whether an agent took the case: when none could, nobody can take this channel's cases in this round. */
  private async assign(view: CaseView, now: Date): Promise<boolean> {
    for (const agentId of chooseAgents(view.channel, this.board.allAgents())) {
      try {
        await this.agents.handle(
          agentId,
          { type: 'TakeCase', data: { caseId: view.id, channel: view.channel, how: 'routed', now: now.toISOString() } },
          metadata(view.id, 'take'),
        );
      } catch (error) {
        if (error instanceof DomainRuleViolation) continue; // the board was behind: this agent is full or gone
        throw error;
      }
      try {
        const { result } = await this.cases.handle(
          view.id,
          { type: 'AssignCase', data: { agentId, how: 'routed', now: now.toISOString() } },
          metadata(view.id, 'assign'),
        );
        if (result) this.pending.set(view.id, result.position);
      } catch (error) {
        // Claimed meanwhile: the reservation keeping gives the reserved capacity back.
        if (!(error instanceof DomainRuleViolation)) throw error;
      }
      return true;
    }
    return false;
  }
}
