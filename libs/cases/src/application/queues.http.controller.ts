import { Controller, Get } from '@nestjs/common';
import { Roles } from '@regie/auth';
import { ConceptInForce } from '@regie/concept';
import { CaseBoard } from './board/case-board';

/** One channel's queue as the desk shows it: counted on the server, so no page lists ten thousand cases to count them. */
export interface QueueResponse {
  readonly channel: string;
  readonly layer: string;
  readonly waiting: number;
  /** Of those waiting, how many are past the channel's service level already. */
  readonly breached: number;
  readonly oldestOpenedAt?: string;
  readonly targetWaitSeconds?: number;
}

@Controller('v1/queues')
export class QueuesHttpController {
  constructor(
    private readonly board: CaseBoard,
    private readonly concept: ConceptInForce,
  ) {}

  /** Every channel of the concept in force, in its order, with what waits there now. */
  @Get()
  @Roles('agent', 'supervisor')
  list(): { items: QueueResponse[] } {
    const waiting = this.board.queueSummary();
    const { channels, serviceLevels } = this.concept.current();
    const items = channels.map(({ id, layer }): QueueResponse => {
      const queue = waiting.get(id) ?? { waiting: 0, breached: 0 };
      const target = serviceLevels[id]?.targetWaitSeconds;
      return { channel: id, layer, ...queue, ...(target !== undefined && { targetWaitSeconds: target }) };
    });
    return { items };
  }
}
