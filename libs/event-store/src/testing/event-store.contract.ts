import { randomUUID } from 'node:crypto';
import { describeAppending } from './contract/appending';
import { describeErasing, describeIdempotency } from './contract/idempotency';
import { describeMultiStream } from './contract/multi-stream';
import { describePipelined } from './contract/pipelined';
import { describeReading, describeSubscribing } from './contract/reading';
import { describeSnapshots } from './contract/snapshots';
import type { ContractContext, EventStoreUnderTest } from './contract/support';

export type { EventStoreUnderTest } from './contract/support';

/** The behaviour every event store adapter must have (the port's promises). Run it once per adapter. */
export const describeEventStoreContract = (adapter: string, create: () => Promise<EventStoreUnderTest>, skipReason?: string): void => {
  const suite = skipReason ? describe.skip : describe;
  suite(`EventStore contract: ${adapter}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let subject: EventStoreUnderTest | undefined;
    let stream = '';
    beforeEach(async () => {
      subject = await create();
      stream = `journey-${randomUUID()}`;
    });
    afterEach(async () => subject?.dispose());

    const context: ContractContext = {
      subject: () => subject!,
      store: () => subject!.store,
      stream: () => stream,
    };
    describeAppending(context);
    describeMultiStream(context);
    describePipelined(context);
    describeIdempotency(context);
    describeReading(context);
    describeSubscribing(context);
    describeErasing(context);
    describeSnapshots(context);
  });
};
