import { failureOf, stackFramesOf } from '@regie/eventsourcing';
import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Readiness } from '@regie/eventsourcing/application';
import { EVENT_STORE, START, type EventStore, type Subscription } from '@regie/event-store';
import { CaseBoard } from './case-board';

/** Keeps the case board current: replays case and agent streams from the start, then follows live. */
@Injectable()
export class BoardFeeder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('case-board');
  private subscription?: Subscription;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly board: CaseBoard,
    @Optional() private readonly readiness?: Readiness,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.store.subscribe({
      after: START,
      streamPrefixes: ['case-', 'agent-'],
      onEvent: (event) => this.board.apply(event),
      ...(this.readiness && { onCaughtUp: this.readiness.expect('case-board') }),
      onError: (error) => this.logger.error(`the case board stopped: ${failureOf(error)}`, stackFramesOf(error)),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }
}
