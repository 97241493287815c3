import { CLOCK, type Clock, failureOf, stackFramesOf } from '@regie/eventsourcing';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SAFETY_SYSTEM_ACTOR } from '../domain/safety.events';
import { exclusionsInForce } from '../domain/safety.queries';
import { ConceptInForce } from '@regie/concept';
import { Leadership, type SingleWriter } from '@regie/eventsourcing/application';
import { SafetyBoard } from './safety-board';
import { SafetyStreams } from './safety-streams';

/** How often it looks whether something is due. */
export const SAFETY_TICK_MS = Symbol('SAFETY_TICK_MS');

const metadata = (customerId: string, step: string, now: string) => ({
  causationId: `${step}:${customerId}:${now}`,
  correlationId: `${step}:${customerId}`,
  actor: SAFETY_SYSTEM_ACTOR,
});

/**
 * Records each exclusion's end when it passes (also for ends that passed while Regie was down),
 * and erases a customer's safety records once the concept's retention period after the last end
 * has passed. Both commands are idempotent, so several instances running it do no harm.
 */
@Injectable()
export class SafetyTimekeeper implements OnApplicationBootstrap, SingleWriter {
  readonly name = 'safety-timekeeper';
  private readonly logger = new Logger('safety-timekeeper');
  private running?: Promise<void>;

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly board: SafetyBoard,
    private readonly safety: SafetyStreams,
    private readonly concept: ConceptInForce,
    @Inject(SAFETY_TICK_MS) private readonly tickMs: number,
    private readonly leadership: Leadership,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.leadership.whileLeading(this);
  }

  async start(): Promise<{ stop(): Promise<void> }> {
    const timer = setInterval(() => void this.tick(), this.tickMs);
    timer.unref();
    void this.tick();
    return {
      stop: async () => {
        clearInterval(timer);
        await this.running;
      },
    };
  }

  /** One sweep; a sweep asked for while one runs is skipped. */
  tick(now = this.clock.now()): Promise<void> {
    this.running ??= this.sweep(now.toISOString())
      .catch((error: unknown) => this.logger.error(`safety sweep failed: ${failureOf(error)}`, stackFramesOf(error)))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweep(now: string): Promise<void> {
    await this.board.catchUp();
    const { retentionDays } = this.concept.current().safety;
    for (const customerId of this.board.customers()) {
      try {
        await this.keepTime(customerId, now, retentionDays);
      } catch (error) {
        this.logger.error(`safety sweep failed for one customer: ${failureOf(error)}`, stackFramesOf(error));
      }
    }
  }

  private async keepTime(customerId: string, now: string, retentionDays: number): Promise<void> {
    const state = this.board.stateOf(customerId);
    const inForce = exclusionsInForce(state, now);
    const ended = Object.values(state.exclusions).some(
      (exclusion) => exclusion.status === 'in-force' && !inForce.some((current) => current.exclusionId === exclusion.exclusionId),
    );
    if (ended) await this.safety.handle(customerId, { type: 'ExpireExclusions', data: { now } }, metadata(customerId, 'expire', now));
    // The safety erasure deletes the stream once this is recorded: that survives a crash in between.
    await this.safety.handle(customerId, { type: 'EraseExpiredRecords', data: { now, retentionDays } }, metadata(customerId, 'erase', now));
  }
}
