import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConceptInForce } from '@regie/concept';
import {
  EVENT_STORE,
  PROJECTION_STORE,
  SavedState,
  START,
  type EventStore,
  type ProjectionStore,
  type RecordedEvent,
  type Subscription,
} from '@regie/event-store';
import { CLOCK, type Clock, failureOf, stackFramesOf } from '@regie/eventsourcing';
import { CustomerDataHolders, Leadership, type CustomerDataHolder, type SingleWriter } from '@regie/eventsourcing/application';
import { lastContactAfter, PRIVACY_SYSTEM_ACTOR, retentionPassed } from '../domain';
import { ErasureStreams } from './erasure-streams';

export const RETENTION_TICK_MS = Symbol('RETENTION_TICK_MS');
const PREFIX = 'journey-';

/** What is saved: each customer's last contact (epoch ms). */
interface RetentionState {
  readonly lastContact: readonly (readonly [string, number])[];
}

/**
 * The journey retention (concept `retention.journeyDays`): a customer whose last contact is that
 * long ago is erased by the same recorded request as on demand, with reason `retention`. Driven
 * by the clock while this instance leads; the last contacts come from the journey streams, kept
 * with their position in the projection store, so that a new leader or a restart follows on from
 * there instead of reading every journey again.
 */
@Injectable()
export class JourneyRetention implements OnApplicationBootstrap, SingleWriter, CustomerDataHolder {
  readonly name = 'journey-retention';
  private readonly logger = new Logger('journey-retention');
  private readonly lastContact = new Map<string, number>();
  /** Customers whose erasure this instance has requested: one request each, not one per tick. */
  private readonly requested = new Set<string>();
  private seenPosition = START;
  private running?: Promise<void>;
  private readonly saved: SavedState<RetentionState>;
  /** Whether this instance leads and follows the journeys now: only then is what it holds saved. */
  private following = false;

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RETENTION_TICK_MS) private readonly tickMs: number,
    private readonly concept: ConceptInForce,
    private readonly erasures: ErasureStreams,
    private readonly leadership: Leadership,
    holders: CustomerDataHolders,
    @Inject(PROJECTION_STORE) projections: ProjectionStore,
  ) {
    holders.register(this);
    this.saved = new SavedState(projections, {
      name: 'journey-retention',
      snapshot: () => ({ state: { lastContact: [...this.lastContact] }, position: this.seenPosition }),
      onError: (error) => this.logger.error(`journey retention could not save: ${failureOf(error)}`, stackFramesOf(error)),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.leadership.whileLeading(this);
  }

  async start(): Promise<{ stop(): Promise<void> }> {
    const saved = await this.saved.load();
    if (saved && saved.position > this.seenPosition) {
      this.lastContact.clear();
      for (const [customerId, last] of saved.state.lastContact) this.lastContact.set(customerId, last);
      this.seenPosition = saved.position;
    }
    let caughtUp = false;
    const subscription: Subscription = this.store.subscribe({
      after: this.seenPosition,
      streamPrefixes: [PREFIX],
      onEvent: (event) => this.apply(event),
      // The first sweep once every journey is seen; then one per tick, not one per batch of events.
      onCaughtUp: () => {
        if (!caughtUp) void this.tick();
        caughtUp = true;
      },
      onError: (error) => this.logger.error(`journey retention stopped: ${failureOf(error)}`, stackFramesOf(error)),
    });
    const timer = setInterval(() => void this.tick(), this.tickMs);
    timer.unref();
    this.saved.start();
    this.following = true;
    return {
      stop: async () => {
        this.following = false;
        clearInterval(timer);
        await subscription.stop();
        await this.running;
        await this.saved.stop();
      },
    };
  }

  apply(event: RecordedEvent): void {
    this.seenPosition = Math.max(this.seenPosition, event.position);
    const customerId = event.streamName.slice(PREFIX.length);
    const last = lastContactAfter(this.lastContact.get(customerId), (event.data as { occurredAt?: unknown }).occurredAt);
    if (last !== undefined) this.lastContact.set(customerId, last);
  }

  /** The saved state is written again at once, so that it no longer names the customer. */
  async forgetCustomer(customerId: string): Promise<void> {
    this.lastContact.delete(customerId);
    this.requested.delete(customerId);
    if (this.following) await this.saved.save(true);
  }

  /** One sweep; a sweep asked for while one runs is skipped. */
  tick(now = this.clock.now()): Promise<void> {
    this.running ??= this.sweep(now)
      .catch((error: unknown) => this.logger.error(`journey retention sweep failed: ${failureOf(error)}`, stackFramesOf(error)))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweep(now: Date): Promise<void> {
    const journeyDays = this.concept.current().retention?.journeyDays;
    for (const [customerId, last] of this.lastContact) {
      if (this.requested.has(customerId) || !retentionPassed(last, now.getTime(), journeyDays)) continue;
      const erasureId = randomUUID();
      await this.erasures.handle(
        erasureId,
        {
          type: 'RequestErasure',
          data: { erasureId, customerId, reason: 'retention', actor: PRIVACY_SYSTEM_ACTOR, now: now.toISOString() },
        },
        { causationId: `retention:${erasureId}`, correlationId: `retention:${erasureId}`, actor: PRIVACY_SYSTEM_ACTOR },
      );
      this.requested.add(customerId);
    }
  }
}
