import type { Interaction } from '@regie/contracts';
import type { JourneyEvent, JourneyEventBase } from '../../domain/journey.events';
import type { LayerId } from '@regie/concept';
import { assertNever } from '@regie/eventsourcing';

/** The integration event (public contract) translated into the journey's own event. */
export const toJourneyEvent = (interaction: Interaction, layer: LayerId): JourneyEvent => {
  const base: JourneyEventBase = {
    customerId: interaction.subject,
    contactId: interaction.data.contactId,
    channel: interaction.data.channel,
    layer,
    occurredAt: interaction.time,
  };
  switch (interaction.type) {
    case 'contact.started':
      return { type: 'ContactStarted', data: { ...base, ...(interaction.data.topic !== undefined && { topic: interaction.data.topic }) } };
    case 'contact.ended': {
      const { outcome, handlingSeconds, waitSeconds } = interaction.data;
      return {
        type: 'ContactEnded',
        data: {
          ...base,
          outcome,
          ...(handlingSeconds !== undefined && { handlingSeconds }),
          ...(waitSeconds !== undefined && { waitSeconds }),
        },
      };
    }
    case 'bot.fallback':
      return {
        type: 'BotFallbackOccurred',
        data: { ...base, ...(interaction.data.confidence !== undefined && { confidence: interaction.data.confidence }) },
      };
    case 'handoff.requested':
      return {
        type: 'HandoffRequested',
        data: { ...base, ...(interaction.data.reason !== undefined && { reason: interaction.data.reason }) },
      };
    case 'sentiment.observed':
      return { type: 'SentimentObserved', data: { ...base, score: interaction.data.score } };
    case 'task.completed':
      return { type: 'TaskCompleted', data: { ...base, task: interaction.data.task } };
    case 'task.failed':
      return { type: 'TaskFailed', data: { ...base, task: interaction.data.task } };
    case 'video.requested':
      return { type: 'VideoRequested', data: { ...base, ...(interaction.data.topic !== undefined && { topic: interaction.data.topic }) } };
    case 'survey.answered':
      return { type: 'SurveyAnswered', data: { ...base, instrument: interaction.data.instrument, answers: interaction.data.answers } };
    default:
      return assertNever(interaction);
  }
};
