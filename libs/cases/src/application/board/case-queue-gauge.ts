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
    this.metrics.readQueuedCasesFrom(() => {
      const counts = new Map<string, number>();
      for (const view of this.board.list({ status: 'queued' })) counts.set(view.channel, (counts.get(view.channel) ?? 0) + 1);
      return counts;
    });
  }
}
