import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RegieMetrics } from '@regie/observability';
import { CaseBoard } from './case-board';

/** Cases queued per channel, read from the board whenever Prometheus scrapes. */
@Injectable()
export class CaseQueueGauge implements OnModuleInit {
  constructor(
    private readonly board: CaseBoard,
    private readonly metrics: RegieMetrics,
  ) {}

  onModuleInit(): void {
    this.metrics.readQueuedCasesFrom(
      () => new Map([...this.board.queueSummary()].map(([channel, queue]) => [channel, queue.waiting] as const)),
    );
  }
}
