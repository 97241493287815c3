import { get } from './api';

export interface DeskLabels {
  readonly organisation?: string;
  readonly layers: readonly { readonly id: string; readonly label: string }[];
  readonly channels: readonly { readonly id: string; readonly layer: string; readonly label: string }[];
}

/** The service pyramid, bottom to top: an escalation moves a customer up. */
export const PYRAMID = ['self-service', 'assisted', 'personal'] as const;

export const layerRank = (layer: string): number => PYRAMID.indexOf(layer as (typeof PYRAMID)[number]);

/** The concept's own names for channels and layers, with the id where it has none. */
export class Labels {
  constructor(readonly source: DeskLabels) {}

  channel(id: string): string {
    return this.source.channels.find((channel) => channel.id === id)?.label ?? id;
  }

  layer(id: string): string {
    return this.source.layers.find((layer) => layer.id === id)?.label ?? id;
  }

  layerOf(channelId: string): string | undefined {
    return this.source.channels.find((channel) => channel.id === channelId)?.layer;
  }

  /** Channels in a layer above `layer`, lowest first. */
  channelsAbove(layer: string): DeskLabels['channels'] {
    return this.source.channels
      .filter((channel) => layerRank(channel.layer) > layerRank(layer))
      .sort((a, b) => layerRank(a.layer) - layerRank(b.layer));
  }

  /** Channels where a person serves (every layer but self-service): where cases wait. */
  served(): DeskLabels['channels'] {
    return this.source.channels.filter((channel) => channel.layer !== 'self-service');
  }
}

export const loadLabels = async (): Promise<Labels> => new Labels(await get<DeskLabels>('/desk/labels'));

const LABELS_KEY = 'regie.desk.labels';

/**
 * The labels the last page in this browser was given (the organisation's names of channels and layers, nobody's
 * data): a page starts with them, so that it asks for its data at once, and fresh ones replace them.
 */
export const rememberedLabels = (storage: Pick<Storage, 'getItem'>): Labels | undefined => {
  try {
    const source = JSON.parse(storage.getItem(LABELS_KEY) ?? 'null') as Partial<DeskLabels> | null;
    return source && Array.isArray(source.layers) && Array.isArray(source.channels) ? new Labels(source as DeskLabels) : undefined;
  } catch {
    return undefined;
  }
};

export const rememberLabels = (storage: Pick<Storage, 'setItem'>, labels: Labels): void => {
  try {
    storage.setItem(LABELS_KEY, JSON.stringify(labels.source));
  } catch {
    // A full or refused storage: the next page asks for the labels before it starts, as without.
  }
};
