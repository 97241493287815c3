import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { journeyStream, type JourneyEventBase, type JourneyEventType } from '../../domain/journey.events';
import { EVENT_STORE, type EventStore } from '@regie/event-store';
import { GetJourneyQuery, type JourneyEntry, type JourneyTimeline, type TimelineEntry } from './get-journey.query';

/** Store event type → the interaction type clients know from the contract. */
const CONTRACT_TYPE: Readonly<Record<JourneyEventType, string>> = {
  ContactStarted: 'contact.started',
  ContactEnded: 'contact.ended',
  BotFallbackOccurred: 'bot.fallback',
  HandoffRequested: 'handoff.requested',
  SentimentObserved: 'sentiment.observed',
  TaskCompleted: 'task.completed',
  TaskFailed: 'task.failed',
  VideoRequested: 'video.requested',
  SurveyAnswered: 'survey.answered',
  AssistanceOffered: 'assistance.offered',
  AccessDenied: 'access.denied',
};

@QueryHandler(GetJourneyQuery)
export class GetJourneyHandler implements IQueryHandler<GetJourneyQuery, JourneyTimeline> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ customerId }: GetJourneyQuery): Promise<JourneyTimeline> {
    const events = await this.store.readStream(journeyStream(customerId));
    const entries = events
      .map((event): TimelineEntry => {
        const data = event.data as JourneyEventBase;
        const entry: JourneyEntry = {
          time: data.occurredAt,
          channel: data.channel,
          layer: data.layer,
          type: CONTRACT_TYPE[event.type as JourneyEventType] ?? event.type,
          contactId: data.contactId,
          recordedAt: event.recordedAt,
        };
        const at = Date.parse(data.occurredAt);
        return { entry, revision: event.revision, at: Number.isNaN(at) ? 0 : at };
      })
      // Platforms may deliver late: the timeline follows when things happened, then recording order.
      .sort((a, b) => a.at - b.at || a.revision - b.revision);
    return { customerId, entries };
  }
}
