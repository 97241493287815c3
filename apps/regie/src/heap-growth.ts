import type { INestApplication } from '@nestjs/common';
import { Readiness } from '@regie/eventsourcing/application';
import { setFlagsFromString } from 'node:v8';

/**
 * How far past what it keeps alive V8 lets the old generation grow before it collects it in full, once the app is
 * ready (`--heap-growing-percent`: 100 is twice). V8's own factor, up to four, let the heap it held grow from 280 to
 * 414 MB over a soak of 1M events (RSS 575 → 691 MB); at twice, it held 245–275 MB (RSS 532–570). From the start, the
 * same setting made a restart to ready 200–500 ms slower, every state loaded then costing more full collections: so it
 * is set once every read model has caught up. V8 reads the flag each time it sets the next limit (Node 20 and 24).
 */
export const HEAP_GROWING_PERCENT = 100;

/** Sets the old generation's growth once the app's read models are ready (see HEAP_GROWING_PERCENT). */
export const limitHeapGrowthOnceReady = async (app: INestApplication): Promise<void> => {
  await app.get(Readiness).whenReady();
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
};
