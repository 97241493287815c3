import {
  BACKWARDS,
  END,
  jsonEvent,
  NO_STREAM as ESDB_NO_STREAM,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type EventStoreDBClient,
  type ExpectedRevision as EsdbExpectedRevision,
  type JSONEventType,
  type JSONType,
} from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import { deterministicEventId } from './deterministic-id';

/** Claim streams are the adapter's own: reads leave them out. */
export const CLAIM_PREFIX = 'regie-claim-';

/** An event as it will be (or was) sent to EventStoreDB: its id is fixed before the first attempt. */
export type PlannedEvent = {
  readonly id: string;
  readonly type: string;
  readonly data: JSONType;
  readonly metadata: JSONType;
};

/** The exact append a claim stands for, so that anyone can finish it or prove it failed. */
export type PendingAppend = {
  readonly stream: string;
  /** A revision (as text, JSON has no bigint) or no_stream: never ANY, so replaying it is exact. */
  readonly expected: string;
  readonly events: readonly PlannedEvent[];
};

/** One append's claim on each of its keys; `keys` sorted, the first one (the primary) decides. */
export type BatchClaim = {
  readonly batch: string;
  readonly keys: readonly string[];
  readonly append: PendingAppend;
  /** Set on the primary once every key is claimed: only then may anyone write the append. */
  readonly ready: boolean;
};

type ClaimEvent =
  | JSONEventType<'ClaimPending', BatchClaim>
  | JSONEventType<'ClaimRecorded', { readonly batch: string; readonly stream: string }>
  | JSONEventType<'ClaimReleased', { readonly batch: string }>;

interface ClaimState {
  /** Revision of the claim stream's last event, for the next write's expected revision. */
  readonly revision: EsdbExpectedRevision;
  readonly last: ClaimEvent | undefined;
}

export type KeyStatus = { readonly recorded: true } | { readonly recorded: false; readonly revision: EsdbExpectedRevision };

export const toEsdbExpected = (stored: string): EsdbExpectedRevision => (stored === ESDB_NO_STREAM ? ESDB_NO_STREAM : BigInt(stored));

const isLostRace = (error: unknown) => error instanceof WrongExpectedVersionError;

const closing = (outcome: 'recorded' | 'released', claim: BatchClaim): ClaimEvent =>
  outcome === 'recorded'
    ? { type: 'ClaimRecorded', data: { batch: claim.batch, stream: claim.append.stream } }
    : { type: 'ClaimReleased', data: { batch: claim.batch } };

const MAX_ROUNDS = 10;

/**
 * Store-wide idempotency on EventStoreDB, which checks event ids only within one stream and has
 * no multi-stream transaction. Each idempotency key owns a claim stream (`regie-claim-<uuid5>`)
 * written with expected revisions, so that one append at a time holds it. An append claims its
 * keys in sorted order (ClaimPending, with the exact append: stream, event ids, an explicit
 * revision), marks the first key's claim ready, writes, and closes the claims (ClaimRecorded,
 * or ClaimReleased when its revision was taken).
 *
 * Another writer that finds a claim settles it instead of waiting: a ready batch is written by
 * replaying that exact append, which EventStoreDB either performs, or answers idempotently
 * because the same event ids already sit at those revisions, or refuses because other events
 * took them (proof that it was never written); a batch not yet ready is aborted by releasing its
 * first key, which also fences its owner (marking ready expects the revision it replaced).
 * So a crash at any step neither loses an event nor lets it be written twice, with no lease or
 * clock. Limit: a ready batch whose events were written, erased and scavenged before anyone
 * closed its claim is taken as never written.
 */
export class IdempotencyClaims {
  constructor(private readonly client: EventStoreDBClient) {}

  /** Whether the key is recorded, settling a claim another writer left on the way. */
  async status(key: string): Promise<KeyStatus> {
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const state = await this.state(key);
      const last = state.last;
      if (last === undefined || last.type === 'ClaimReleased') return { recorded: false, revision: state.revision };
      if (last.type === 'ClaimRecorded') return { recorded: true };
      const outcome = await this.settle(key, state, last.data);
      if (outcome === 'recorded') return { recorded: true };
    }
    throw new Error(`EventStoreDB: the claim on idempotency key ${key} kept changing for ${MAX_ROUNDS} rounds`);
  }

  /** Claims every key for one append (keys sorted); the claim revisions, or undefined when another writer won one. */
  async claimAll(
    statuses: ReadonlyMap<string, EsdbExpectedRevision>,
    append: PendingAppend,
  ): Promise<(BatchClaim & { readonly held: bigint[] }) | undefined> {
    const keys = [...statuses.keys()].sort();
    const claim: BatchClaim = { batch: randomUUID(), keys, append, ready: keys.length === 1 };
    const held: bigint[] = [];
    for (const key of keys) {
      const revision = await this.write(key, statuses.get(key)!, { type: 'ClaimPending', data: claim });
      if (revision === undefined) return void (await this.closeAll(claim, held, 'released'));
      held.push(revision);
    }
    if (!claim.ready) {
      const ready = await this.write(keys[0]!, held[0]!, { type: 'ClaimPending', data: { ...claim, ready: true } });
      if (ready === undefined) return void (await this.closeAll(claim, held.slice(1), 'released', 1)); // aborted by a settling writer
      held[0] = ready;
    }
    return { ...claim, held };
  }

  /** Closes the claims an append holds, from `offset` in its sorted keys; a lost race means a settling writer closed it alike. */
  async closeAll(claim: BatchClaim, held: readonly bigint[], outcome: 'recorded' | 'released', offset = 0): Promise<void> {
    await Promise.all(held.map((revision, index) => this.write(claim.keys[index + offset]!, revision, closing(outcome, claim))));
  }

  private async settle(key: string, found: ClaimState, claim: BatchClaim): Promise<'recorded' | 'released' | 'changed'> {
    const primaryKey = claim.keys[0]!;
    const primary = primaryKey === key ? found : await this.state(primaryKey);
    const last = primary.last;
    let outcome: 'recorded' | 'released';
    if (last?.type === 'ClaimPending' && last.data.batch === claim.batch) {
      if (last.data.ready) {
        outcome = (await this.replay(claim.append)) ? 'recorded' : 'released';
        await this.write(primaryKey, primary.revision, closing(outcome, claim));
      } else {
        if ((await this.write(primaryKey, primary.revision, closing('released', claim))) === undefined) return 'changed';
        outcome = 'released';
      }
    } else {
      outcome = last?.type === 'ClaimRecorded' && last.data.batch === claim.batch ? 'recorded' : 'released';
    }
    if (primaryKey !== key) await this.write(key, found.revision, closing(outcome, claim));
    return outcome;
  }

  private streamOf(key: string): string {
    return `${CLAIM_PREFIX}${deterministicEventId(key)}`;
  }

  private async state(key: string): Promise<ClaimState> {
    try {
      const read = this.client.readStream<ClaimEvent>(this.streamOf(key), { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
      for await (const { event } of read) {
        if (event) return { revision: event.revision, last: { type: event.type, data: event.data } as ClaimEvent };
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return { revision: ESDB_NO_STREAM, last: undefined };
  }

  private async replay(append: PendingAppend): Promise<boolean> {
    try {
      const events = append.events.map((event) => jsonEvent({ ...event }));
      await this.client.appendToStream(append.stream, events, { expectedRevision: toEsdbExpected(append.expected) });
      return true;
    } catch (error) {
      if (isLostRace(error) || error instanceof StreamDeletedError) return false;
      throw error;
    }
  }

  /** The claim stream's new revision, or undefined when its revision was not the expected one. */
  private async write(key: string, expectedRevision: EsdbExpectedRevision, event: ClaimEvent): Promise<bigint | undefined> {
    try {
      const result = await this.client.appendToStream(this.streamOf(key), jsonEvent<ClaimEvent>(event), { expectedRevision });
      return result.nextExpectedRevision;
    } catch (error) {
      if (isLostRace(error)) return undefined;
      throw error;
    }
  }
}
