import type { DenyAccess, JourneyEvent } from '@regie/journey';

export interface EnforcementInput {
  readonly event: JourneyEvent;
  /** Channels closed to this customer now, each with the alternatives the exclusion offers. */
  readonly excluded: Readonly<Record<string, readonly string[]>>;
  /** The channel a `video.requested` asks for. */
  readonly videoChannel: string;
}

/** The channel the customer is reaching for with this event, if any. */
const reachedFor = (event: JourneyEvent, videoChannel: string): string | undefined => {
  if (event.type === 'VideoRequested') return videoChannel;
  if (event.type === 'ContactStarted') return event.data.channel;
  return undefined;
};

/**
 * Exclusion enforcement (pure): asking for an excluded channel, or starting a contact on one,
 * is denied with the exclusion's alternatives, once per contact and channel.
 */
export const exclusionEnforcementSaga = ({ event, excluded, videoChannel }: EnforcementInput): DenyAccess[] => {
  const channel = reachedFor(event, videoChannel);
  const alternatives = channel === undefined ? undefined : excluded[channel];
  if (channel === undefined || alternatives === undefined) return [];
  const { customerId, contactId, channel: onChannel, layer, occurredAt } = event.data;
  return [
    {
      type: 'DenyAccess',
      data: {
        denial: {
          customerId,
          contactId,
          channel: onChannel,
          layer,
          occurredAt,
          deniedChannel: channel,
          alternatives: alternatives.filter((alternative) => excluded[alternative] === undefined),
          denialKey: `${contactId}:${channel}`,
        },
      },
    },
  ];
};
