import type { ReadAllOptions, RecordedEvent } from '../event-store.port';

/** Events let go of at once, at least: fewer would copy the rest of the tail for little. */
const RELEASE_AT_LEAST = 500;

/**
 * The tail of the store as this process appended it, shared by every subscriber: a subscriber
 * that is a few events behind reads them from here instead of querying and parsing them once per
 * subscriber. It holds every event with a position in (`after`, `last`] — exactly what the store
 * holds there — or nothing: an append whose first position does not follow `last` (another
 * process wrote in between) starts it again, and an erased stream's events leave it.
 * `read` answers undefined when the tail does not cover the request; the caller reads the store.
 *
 * What every live subscriber has handled leaves it (`handledThrough`): kept up to its capacity, each event outlived
 * several young-generation collections and was copied into the old generation, to die there.
 */
export class RecentEvents {
  private events: RecordedEvent[] = [];
  /** Every event with a position in (after, last] is in `events`. */
  private after = 0;
  private last = 0;

  constructor(private readonly capacity = 20_000) {}

  /** The position of the last event the tail holds (0 when it holds none). */
  get end(): number {
    return this.last;
  }

  /** Events one transaction wrote, in position order, after it committed. */
  appended(batch: readonly RecordedEvent[]): void {
    if (batch.length === 0) return;
    const first = batch[0]!.position;
    if (this.events.length === 0 || first !== this.last + 1) {
      this.events = [];
      this.after = first - 1;
    }
    for (const event of batch) this.events.push(event);
    this.last = batch.at(-1)!.position;
    if (this.events.length > this.capacity) {
      const dropped = this.events.length - this.capacity / 2;
      this.after = this.events[dropped - 1]!.position;
      this.events = this.events.slice(dropped);
    }
  }

  /**
   * Lets go of the events up to `position`, which every subscriber reading from here has handled, so that they die
   * young instead of being copied into the old generation. Reads after `position` are still answered.
   */
  handledThrough(position: number): void {
    const count = this.firstAfter(position);
    if (count < RELEASE_AT_LEAST) return;
    this.after = this.events[count - 1]!.position;
    this.events = this.events.slice(count);
  }

  erased(stream: string): void {
    this.events = this.events.filter((event) => event.streamName !== stream);
  }

  /** What `readAll(options)` would answer, when the tail covers it (`options.after` within it, below its end). */
  read(options: ReadAllOptions): RecordedEvent[] | undefined {
    const from = options.after ?? 0;
    if (this.last === 0 || from < this.after || from >= this.last) return undefined;
    const limit = options.maxCount !== undefined && options.maxCount >= 0 ? options.maxCount : Number.POSITIVE_INFINITY;
    const prefixes = options.streamPrefixes ?? [];
    const page: RecordedEvent[] = [];
    for (let index = this.firstAfter(from); index < this.events.length && page.length < limit; index += 1) {
      const event = this.events[index]!;
      if (prefixes.length === 0 || prefixes.some((prefix) => event.streamName.startsWith(prefix))) page.push(event);
    }
    return page;
  }

  /** Index of the first event with a position above `position` (binary search: positions ascend). */
  private firstAfter(position: number): number {
    let [low, high] = [0, this.events.length];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.events[middle]!.position <= position) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
