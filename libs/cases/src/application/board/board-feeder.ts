import { failureOf, stackFramesOf } from '@regie/eventsourcing';
import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CustomerDataHolders, Readiness, type CustomerDataHolder } from '@regie/eventsourcing/application';
import { EVENT_STORE, PROJECTION_STORE, START, type EventStore, type ProjectionStore, type Subscription } from '@regie/event-store';
import { CaseBoard, type BoardState } from './case-board';

const SNAPSHOT = 'case-board';
/** Closed cases go to the archive at least this often, and the board's state is saved at most this often. */
const FLUSH_MS = 1_000;
const SAVE_MS = 5_000;

/**
 * Keeps the case board current: starts from its saved state (open cases and agents, with the position they
 * reflect) and follows the case and agent streams from there. Closed cases are written to the archive before
 * any state that no longer holds them is saved, so a crash between the two replays, and the archive keeps a
 * case again harmlessly. Without a durable archive (EventStoreDB) it replays from the start.
 */
@Injectable()
export class BoardFeeder implements OnApplicationBootstrap, OnApplicationShutdown, CustomerDataHolder {
  readonly name = 'case-board';
  private readonly logger = new Logger('case-board');
  private subscription?: Subscription;
  private timer?: NodeJS.Timeout;
  private savedPosition = START;
  private savedAt = 0;
  /** One write at a time: a flush or a save waits for the one before. */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_STORE) private readonly snapshots: ProjectionStore,
    private readonly board: CaseBoard,
    @Optional() private readonly readiness?: Readiness,
    @Optional() holders?: CustomerDataHolders,
  ) {
    holders?.register(this);
  }

  async onApplicationBootstrap(): Promise<void> {
    const saved = this.board.resumable ? await this.snapshots.load<BoardState>(SNAPSHOT) : undefined;
    if (saved) this.board.restore(saved.state, saved.position);
    this.savedPosition = saved?.position ?? START;
    this.subscription = this.store.subscribe({
      after: this.board.position,
      streamPrefixes: ['case-', 'agent-'],
      onEvent: (event) => this.board.apply(event),
      ...(this.readiness && { onCaughtUp: this.readiness.expect('case-board') }),
      onError: (error) => this.logger.error(`the case board stopped: ${failureOf(error)}`, stackFramesOf(error)),
    });
    this.timer = setInterval(() => void this.persist(Date.now() - this.savedAt >= SAVE_MS), FLUSH_MS);
    this.timer.unref();
  }

  /** Erased streams are not replayed, but a saved state may still hold the customer's open cases: it is saved again at once. */
  async forgetCustomer(customerId: string): Promise<void> {
    await this.board.forgetCustomer(customerId);
    await this.persist(true, true);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.subscription?.stop();
    await this.persist(true);
  }

  /** Writes closed cases to the archive and, when `save`, the board's state after them. Failures are logged and retried next time. */
  private persist(save: boolean, force = false): Promise<void> {
    const next = this.writing.then(async () => {
      const [state, position] = [this.board.state(), this.board.position];
      await this.board.flush();
      if (!save || !this.board.resumable || (position === this.savedPosition && !force)) return;
      await this.snapshots.save<BoardState>(SNAPSHOT, { state, position });
      [this.savedPosition, this.savedAt] = [position, Date.now()];
    });
    this.writing = next.catch((error: unknown) =>
      this.logger.error(`the case board could not save: ${failureOf(error)}`, stackFramesOf(error)),
    );
    return force ? next : this.writing;
  }
}
