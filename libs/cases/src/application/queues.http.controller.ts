import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@regie/auth';
import { ApiRoute } from '@regie/http';
import { ConceptInForce } from '@regie/concept';
import { CaseBoard } from './board/case-board';
import { QUEUES_SCHEMA } from './cases.openapi';

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

@ApiTags('cases')
@Controller('v1/queues')
export class QueuesHttpController {
  constructor(
    private readonly board: CaseBoard,
    private readonly concept: ConceptInForce,
  ) {}

  /** Every channel of the concept in force, in its order, with what waits there now. */
  @Get()
  @Roles('agent', 'supervisor')
  @ApiRoute({
    summary: 'What waits per channel: how many, how many past the service level, since when',
    response: { schema: QUEUES_SCHEMA },
  })
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
