import { ApiTags } from '@nestjs/swagger';
import { ApiRoute, eventStreamContent } from '@regie/http';
import { Controller, Inject, Sse, type MessageEvent } from '@nestjs/common';
import { Roles } from '@regie/auth';
import { MESSAGING, type DecisionSubscriber } from '@regie/messaging';
import { Observable } from 'rxjs';

@ApiTags('decisions')
@Controller('v1/decisions')
export class DecisionsHttpController {
  constructor(@Inject(MESSAGING) private readonly decisions: DecisionSubscriber) {}

  /** Embedded mode: decisions as server-sent events, from the moment of connecting. */
  @Sse('stream')
  @Roles('channel', 'supervisor')
  @ApiRoute({
    summary: 'Server-sent events: the decisions of orchestration.decisions (embedded mode), from the moment of connecting',
    response: {
      content: eventStreamContent('One event per decision, typed as the decision (deploy/asyncapi.yaml); `data` the CloudEvent'),
    },
  })
  stream(): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      const stop = this.decisions.subscribeDecisions((decision) =>
        subscriber.next({ type: decision.type, id: decision.id, data: decision }),
      );
      return () => void stop.then((unsubscribe) => unsubscribe());
    });
  }
}
