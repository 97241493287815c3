import type { ChannelPeriod, KpiFigure } from './kpi-types';

export interface PyramidLabels {
  readonly layers: readonly { readonly id: string; readonly label: string }[];
  readonly channels: readonly { readonly id: string; readonly layer: string; readonly label: string }[];
}

export interface PyramidChannel {
  readonly channel: string;
  readonly contacts: KpiFigure;
  readonly share: KpiFigure;
  readonly shift: KpiFigure;
}

export interface PyramidLayer {
  readonly layer: string;
  readonly contacts?: KpiFigure;
  readonly share?: KpiFigure;
  readonly channels: readonly PyramidChannel[];
}

/**
 * The channel mix as the pyramid: the most personal layer on top, its channels under it, each
 * with contacts, share and shift. Channels narrowed away by the channel filter are left out.
 */
export const pyramidOf = (period: ChannelPeriod, labels: PyramidLabels): PyramidLayer[] =>
  [...labels.layers].reverse().map(({ id }) => {
    const figures = period.kpis.byLayer[id];
    const channels = labels.channels
      .filter((channel) => channel.layer === id && period.kpis.byChannel[channel.id])
      .map((channel) => {
        const { contacts, share, shift } = period.kpis.byChannel[channel.id];
        return { channel: channel.id, contacts, share, shift };
      });
    return { layer: id, ...(figures && { contacts: figures.contacts, share: figures.share }), channels };
  });
