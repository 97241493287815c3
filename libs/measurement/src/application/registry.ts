import { channelActivityProjection } from '../domain/channel-activity.projection';
import type { Projection } from '@regie/event-store';

/** Every durable projection, by name: what the desk runs and `npm run projections:rebuild` knows. */
export const PROJECTIONS: Readonly<Record<string, Projection<unknown>>> = {
  [channelActivityProjection.name]: channelActivityProjection as unknown as Projection<unknown>,
};
