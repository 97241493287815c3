import { failureOf, stackFramesOf } from '@regie/eventsourcing';
import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CustomerDataHolders, Readiness, type CustomerDataHolder } from '@regie/eventsourcing/application';
import { EVENT_STORE, PROJECTION_STORE, SavedState, type EventStore, type ProjectionStore, type Subscription } from '@regie/event-store';
import { CaseBoard, type BoardState } from './case-board';

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
  private readonly saved: SavedState<BoardState>;
  private subscription?: Subscription;
  /** Without a durable archive nothing is saved, but closed cases still move to the archive, out of the board. */
  private flushing?: NodeJS.Timeout;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_STORE) snapshots: ProjectionStore,
    private readonly board: CaseBoard,
    @Optional() private readonly readiness?: Readiness,
    @Optional() holders?: CustomerDataHolders,
  ) {
    holders?.register(this);
    this.saved = new SavedState(snapshots, {
      name: 'case-board',
      snapshot: () => ({ state: board.state(), position: board.position }),
      beforeSave: () => board.flush(),
      onError: (error) => this.logger.error(`the case board could not save: ${failureOf(error)}`, stackFramesOf(error)),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const saved = this.board.resumable ? await this.saved.load() : undefined;
    if (saved) this.board.restore(saved.state, saved.position);
    this.subscription = this.store.subscribe({
      after: this.board.position,
      streamPrefixes: ['case-', 'agent-'],
      onEvent: (event) => this.board.apply(event),
      ...(this.readiness && { onCaughtUp: this.readiness.expect('case-board') }),
      onError: (error) => this.logger.error(`the case board stopped: ${failureOf(error)}`, stackFramesOf(error)),
    });
    if (this.board.resumable) this.saved.start();
    else {
      this.flushing = setInterval(() => void this.board.flush().catch(() => undefined), 5_000);
      this.flushing.unref();
    }
  }

  /** Erased streams are not replayed, but a saved state may still hold the customer's open cases: it is saved again at once. */
  async forgetCustomer(customerId: string): Promise<void> {
    await this.board.forgetCustomer(customerId);
    if (this.board.resumable) await this.saved.save(true);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.flushing);
    await this.subscription?.stop();
    if (this.board.resumable) await this.saved.stop();
    else await this.board.flush();
  }
}
