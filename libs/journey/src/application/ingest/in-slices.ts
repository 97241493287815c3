import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  invalid,
  valid,
  validateInteraction,
  type Interaction,
  type InteractionRules,
  type Validated,
  type ValidationIssue,
} from '@regie/contracts';

/**
 * Validating a batch of 1,000 events takes long enough that /health and every other caller would
 * wait for it: in slices, the event loop turns in between. Validation yields after
 * {@link VALIDATION_SLICE_MS} of work (events differ in weight: one may carry 1,000 keys).
 * Recording the batch is one atomic append, done in one go.
 */
export const VALIDATION_SLICE_MS = 10;

/** validateInteractionBatch for an HTTP body, yielding to the event loop between slices; same result, same paths. */
export const validateInSlices = async (batch: readonly unknown[], rules: InteractionRules): Promise<Validated<Interaction[]>> => {
  if (batch.length === 0) return invalid([{ path: '$', message: 'a batch must hold at least one interaction' }]);
  const values: Interaction[] = [];
  const issues: ValidationIssue[] = [];
  let sliceStarted = Number.NEGATIVE_INFINITY; // the body's parsing and checks had the turn before
  for (let index = 0; index < batch.length; index += 1) {
    if (performance.now() - sliceStarted > VALIDATION_SLICE_MS) {
      await nextTurn();
      sliceStarted = performance.now();
    }
    // The body was held to the configured JSON limits as it was parsed (body-parsing.ts): not again per event.
    const result = validateInteraction(batch[index], rules, `[${index}]`, 'checked');
    if (result.ok) values.push(result.value);
    else issues.push(...result.issues);
  }
  return issues.length > 0 ? invalid(issues) : valid(values);
};
