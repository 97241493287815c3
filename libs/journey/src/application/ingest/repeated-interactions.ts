import { isDeepStrictEqual } from 'node:util';
import { interactionKey, type Interaction, type ValidationIssue } from '@regie/contracts';

export interface Repeats {
  /** The batch with each (`source`, `id`) once, in order of first appearance. */
  readonly distinct: Interaction[];
  /** Identical repeats: the same event sent twice, recorded once. */
  readonly duplicates: number;
  /** Repeats whose content differs from the first: one of them would be dropped silently, so the batch is refused. */
  readonly conflicts: ValidationIssue[];
}

/** A batch that repeats an event (`source`, `id`) within itself: identical repeats are counted, differing ones refused. */
export const dropRepeats = (batch: readonly Interaction[]): Repeats => {
  const first = new Map<string, number>();
  const distinct: Interaction[] = [];
  const conflicts: ValidationIssue[] = [];
  let duplicates = 0;
  batch.forEach((interaction, index) => {
    const key = interactionKey(interaction);
    const seen = first.get(key);
    if (seen === undefined) {
      first.set(key, index);
      distinct.push(interaction);
    } else if (isDeepStrictEqual(batch[seen], interaction)) {
      duplicates += 1;
    } else {
      conflicts.push({
        path: `[${index}].id`,
        message:
          `repeats source "${interaction.source}" and id "${interaction.id}" of [${seen}] with different content: ` +
          'an id names one event',
      });
    }
  });
  return { distinct, duplicates, conflicts };
};
