/** Sends one offset commit (kafkajs's `commitOffsetsIfNecessary` of a batch, given offsets). */
export type CommitOffsets = (offsets: {
  topics: { topic: string; partitions: { partition: number; offset: string }[] }[];
}) => Promise<void>;

/**
 * Offsets of recorded batches, committed beside the consumption instead of inside it. kafkajs fetches
 * again only once every batch of the last fetch is handled: a commit awaited in each batch put a
 * coordinator round trip (tens of ms on a busy machine, 100 ms at times) into every fetch cycle, and so
 * into the time every event waits. Here a batch hands over its next offset and returns; one commit at a
 * time goes out with the latest offset of every partition handled since the last.
 *
 * Only offsets of batches already recorded are ever committed, so consumption stays at least once. A
 * commit that fails, or one not sent before a crash, means those events are read again, and the
 * idempotent append records them once.
 */
export class OffsetCommits {
  private pending = new Map<string, { topic: string; partition: number; offset: string }>();
  private sending?: Promise<void>;
  /** The latest batch's: a consumer restarted after a failure commits through its new group. */
  private commit?: CommitOffsets;

  constructor(private readonly onFailure: (error: unknown) => void) {}

  /** `offset` is the next one to read: the last recorded one + 1. */
  recorded(topic: string, partition: number, offset: string, commit: CommitOffsets): void {
    this.pending.set(`${topic}/${partition}`, { topic, partition, offset });
    this.commit = commit;
    this.sendPending();
  }

  /** After a rebalance: offsets of partitions this member no longer holds are left to their new owner. */
  keepOnly(topic: string, partitions: readonly number[]): void {
    for (const [key, offset] of this.pending)
      if (offset.topic === topic && !partitions.includes(offset.partition)) this.pending.delete(key);
  }

  /** Resolves once every offset handed over so far has been sent, or has failed again. */
  async flushed(): Promise<void> {
    await this.sending;
    this.sendPending();
    await this.sending;
  }

  private sendPending(): void {
    this.sending ??= this.send().finally(() => (this.sending = undefined));
  }

  private async send(): Promise<void> {
    while (this.pending.size > 0 && this.commit) {
      const offsets = [...this.pending.values()];
      this.pending = new Map();
      const topics = [...new Set(offsets.map(({ topic }) => topic))].map((topic) => ({
        topic,
        partitions: offsets.filter((offset) => offset.topic === topic).map(({ partition, offset }) => ({ partition, offset })),
      }));
      try {
        await this.commit({ topics });
      } catch (error) {
        this.onFailure(error);
        // Sent again with the next batch's offsets (or at the flush), unless a later offset has come meanwhile.
        for (const offset of offsets)
          if (!this.pending.has(`${offset.topic}/${offset.partition}`)) this.pending.set(`${offset.topic}/${offset.partition}`, offset);
        return;
      }
    }
  }
}
