// TEMPORARY stand-in until the service-concept work lands (it replaces this file).
export type LayerId = 'self-service' | 'assisted' | 'personal';
export const LAYER_ORDER: readonly LayerId[] = ['self-service', 'assisted', 'personal'];
export interface ServiceConcept {
  readonly name: string;
  readonly channels: readonly { readonly id: string; readonly layer: LayerId; readonly label: string }[];
}
export const layerOf = (concept: ServiceConcept, channelId: string): LayerId | undefined =>
  concept.channels.find((channel) => channel.id === channelId)?.layer;
export const compareLayers = (a: LayerId, b: LayerId): number => LAYER_ORDER.indexOf(a) - LAYER_ORDER.indexOf(b);
