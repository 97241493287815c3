import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConceptInForce } from '@regie/concept';
import {
  CHECKPOINT_STORE,
  EVENT_STORE,
  PROJECTION_STORE,
  START,
  type CheckpointStore,
  type EventStore,
  type ProjectionStore,
  type RecordedEvent,
  type Subscription,
} from '@regie/event-store';
import { CLOCK, type Clock, failureOf, stackFramesOf } from '@regie/eventsourcing';
import { CustomerDataHolders, Leadership, type CustomerDataHolder, type SingleWriter } from '@regie/eventsourcing/application';
import { lastContactAfter, PRIVACY_SYSTEM_ACTOR, retentionCutoff } from '../domain';
import { ErasureStreams } from './erasure-streams';
import { LAST_CONTACTS, type LastContactCursor, type LastContacts } from './retention/last-contacts.port';

export const RETENTION_TICK_MS = Symbol('RETENTION_TICK_MS');
const PREFIX = 'journey-';
const NAME = 'journey-retention';

/** How often the last contacts seen are kept (and the position with them) while the journeys move. */
const KEEP_EVERY_MS = 5_000;

/** Customers due for erasure read per page of a sweep. */
const DUE_PAGE = 500;

/**
 * The journey retention (concept `retention.journeyDays`): a customer whose last contact is that
 * long ago is erased by the same recorded request as on demand, with reason `retention`. Driven
 * by the clock while this instance leads. The last contacts come from the journey streams, and are kept in an
 * indexed table beside the store (LastContacts) with a checkpoint of the position they reflect, written every few
 * seconds: memory holds only those seen since, a sweep pages through those due, and a new leader or a restart
 * follows on from the checkpoint instead of reading every journey again.
 */
@Injectable()
export class JourneyRetention implements OnApplicationBootstrap, SingleWriter, CustomerDataHolder {
  readonly name = NAME;
  private readonly logger = new Logger(NAME);
  /** Last contacts seen and not kept yet: the customers of a few seconds, however many there are in all. */
  private unkept = new Map<string, number>();
  /** Customers whose erasure this instance has requested: one request each, not one per tick. */
  private readonly requested = new Set<string>();
  private seenPosition = START;
  /** The position the last contacts in the table reflect (the checkpoint last written). */
  private keptPosition = START;
  /**
   * Whether the journeys have been read up to the store's head since this instance began to follow them: no sweep
   * before, as a customer whose old contacts were read and recent ones not yet would be due.
   */
  private caughtUp = false;
  private running?: Promise<void>;
  /** Keeping and forgetting, one after the other: a customer forgotten is never kept again by a write sent before. */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RETENTION_TICK_MS) private readonly tickMs: number,
    private readonly concept: ConceptInForce,
    private readonly erasures: ErasureStreams,
    private readonly leadership: Leadership,
    holders: CustomerDataHolders,
    @Inject(LAST_CONTACTS) private readonly lastContacts: LastContacts,
    @Inject(CHECKPOINT_STORE) private readonly checkpoints: CheckpointStore,
    @Inject(PROJECTION_STORE) private readonly projections: ProjectionStore,
  ) {
    holders.register(this);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.leadership.whileLeading(this);
  }

  async start(): Promise<{ stop(): Promise<void> }> {
    // Versions before the table kept every customer's last contact in one saved state: it names customers, so it goes.
    if (await this.projections.load(NAME)) await this.projections.reset(NAME);
    const kept = this.lastContacts.durable ? await this.checkpoints.load(NAME) : undefined;
    this.seenPosition = Math.max(this.seenPosition, kept ?? START);
    this.keptPosition = kept ?? START;
    const subscription: Subscription = this.store.subscribe({
      after: this.seenPosition,
      streamPrefixes: [PREFIX],
      onEvent: (event) => this.apply(event),
      // The first sweep once every journey is seen; then one per tick, not one per batch of events.
      onCaughtUp: () => {
        if (this.caughtUp) return;
        this.caughtUp = true;
        void this.tick();
      },
      onError: (error) => this.logger.error(`journey retention stopped: ${failureOf(error)}`, stackFramesOf(error)),
    });
    const timer = setInterval(() => void this.tick(), this.tickMs);
    const keeping = setInterval(() => void this.keep().catch(() => undefined), KEEP_EVERY_MS);
    for (const each of [timer, keeping]) each.unref();
    return {
      stop: async () => {
        this.caughtUp = false;
        clearInterval(timer);
        clearInterval(keeping);
        await subscription.stop();
        await this.running;
        await this.keep().catch(() => undefined);
      },
    };
  }

  apply(event: RecordedEvent): void {
    this.seenPosition = Math.max(this.seenPosition, event.position);
    const customerId = event.streamName.slice(PREFIX.length);
    const last = lastContactAfter(this.unkept.get(customerId), (event.data as { occurredAt?: unknown }).occurredAt);
    if (last !== undefined) this.unkept.set(customerId, last);
  }

  /**
   * The customer's last contact goes from memory and from the table, after any write under way (from memory again
   * then: a keep that failed puts back what it was given).
   */
  forgetCustomer(customerId: string): Promise<void> {
    this.unkept.delete(customerId);
    this.requested.delete(customerId);
    return this.serially(async () => {
      this.unkept.delete(customerId);
      await this.lastContacts.forgetCustomer(customerId);
    });
  }

  /** One sweep, once the journeys are caught up; a sweep asked for while one runs is skipped. */
  tick(now = this.clock.now()): Promise<void> {
    if (!this.caughtUp) return Promise.resolve();
    this.running ??= this.sweep(now)
      .catch((error: unknown) => this.logger.error(`journey retention sweep failed: ${failureOf(error)}`, stackFramesOf(error)))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  /** The last contacts seen since the last time are kept, then the position they reflect. */
  private keep(): Promise<void> {
    return this.serially(async () => {
      const [unkept, position] = [this.unkept, this.seenPosition];
      // Nothing seen since the last keep: no write (the timer asks every few seconds, moving or not).
      if (unkept.size === 0 && position === this.keptPosition) return;
      this.unkept = new Map();
      try {
        await this.lastContacts.keep(unkept);
        if (this.lastContacts.durable) await this.checkpoints.save(NAME, position);
        this.keptPosition = position;
      } catch (error) {
        // Seen again later: they are kept with the next, the later contact of each winning.
        for (const [customerId, last] of unkept) this.unkept.set(customerId, Math.max(last, this.unkept.get(customerId) ?? last));
        this.logger.error(`journey retention could not keep the last contacts: ${failureOf(error)}`, stackFramesOf(error));
        throw error;
      }
    });
  }

  private serially(write: () => Promise<void>): Promise<void> {
    const next = this.writing.then(write);
    this.writing = next.catch(() => undefined);
    return next;
  }

  private async sweep(now: Date): Promise<void> {
    const cutoff = retentionCutoff(now.getTime(), this.concept.current().retention?.journeyDays);
    if (cutoff === undefined) return;
    await this.keep();
    let after: LastContactCursor | undefined;
    for (
      let due = await this.lastContacts.dueBy(cutoff, DUE_PAGE);
      due.length > 0;
      due = await this.lastContacts.dueBy(cutoff, DUE_PAGE, after)
    ) {
      for (const [, customerId] of due) await this.requestErasure(customerId, now);
      after = due.at(-1);
    }
  }

  private async requestErasure(customerId: string, now: Date): Promise<void> {
    if (this.requested.has(customerId)) return;
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
