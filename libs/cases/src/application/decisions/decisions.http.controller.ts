import { Controller, Inject, Sse, type MessageEvent } from '@nestjs/common';
import { Roles } from '@regie/auth';
import { MESSAGING, type DecisionSubscriber } from '@regie/messaging';
import { Observable } from 'rxjs';

@Controller('v1/decisions')
export class DecisionsHttpController {
  constructor(@Inject(MESSAGING) private readonly decisions: DecisionSubscriber) {}

  /** Embedded mode: decisions as server-sent events, from the moment of connecting. */
  @Sse('stream')
  @Roles('channel', 'supervisor')
  stream(): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      const stop = this.decisions.subscribeDecisions((decision) =>
        subscriber.next({ type: decision.type, id: decision.id, data: decision }),
      );
      return () => void stop.then((unsubscribe) => unsubscribe());
    });
  }
}
