import { OffsetCommits, type CommitOffsets } from './offset-commits';

/** A coordinator that answers when told to: each commit waits for `answer()`. */
const coordinator = () => {
  const sent: Parameters<CommitOffsets>[0][] = [];
  const answers: (() => void)[] = [];
  const commit: CommitOffsets = (offsets) =>
    new Promise<void>((resolve) => {
      sent.push(offsets);
      answers.push(resolve);
    });
  const answer = async () => {
    answers.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { sent, commit, answer };
};

describe('OffsetCommits', () => {
  it('sends a recorded batch’s offset at once, without the batch waiting for the answer', () => {
    const { sent, commit } = coordinator();
    const commits = new OffsetCommits(() => undefined);
    commits.recorded('t', 0, '10', commit);
    expect(sent).toEqual([{ topics: [{ topic: 't', partitions: [{ partition: 0, offset: '10' }] }] }]);
  });

  it('sends one commit at a time: batches recorded meanwhile go out next, in one commit, with each partition’s latest offset', async () => {
    const { sent, commit, answer } = coordinator();
    const commits = new OffsetCommits(() => undefined);
    commits.recorded('t', 0, '10', commit);
    commits.recorded('t', 0, '20', commit);
    commits.recorded('t', 1, '5', commit);
    commits.recorded('t', 0, '30', commit);
    expect(sent).toHaveLength(1);
    await answer();
    expect(sent[1]).toEqual({
      topics: [
        {
          topic: 't',
          partitions: [
            { partition: 0, offset: '30' },
            { partition: 1, offset: '5' },
          ],
        },
      ],
    });
    await answer();
    expect(sent).toHaveLength(2);
  });

  it('leaves the offsets of partitions taken away by a rebalance to their new owner', async () => {
    const { sent, commit, answer } = coordinator();
    const commits = new OffsetCommits(() => undefined);
    commits.recorded('t', 0, '10', commit);
    commits.recorded('t', 1, '7', commit);
    commits.recorded('t', 2, '3', commit);
    commits.keepOnly('t', [2]);
    await answer();
    expect(sent[1]).toEqual({ topics: [{ topic: 't', partitions: [{ partition: 2, offset: '3' }] }] });
  });

  it('reports a failed commit and sends its offsets again with the next ones, unless their partition has moved on', async () => {
    const failures: unknown[] = [];
    const commits = new OffsetCommits((error) => failures.push(error));
    const sent: Parameters<CommitOffsets>[0][] = [];
    let fail = true;
    const commit: CommitOffsets = async (offsets) => {
      sent.push(offsets);
      if (fail) {
        fail = false;
        throw new Error('The coordinator is loading and hence cannot process requests');
      }
    };
    commits.recorded('t', 0, '10', commit);
    commits.recorded('t', 1, '4', commit);
    commits.recorded('t', 0, '12', commit);
    await commits.flushed();
    expect(failures).toEqual([new Error('The coordinator is loading and hence cannot process requests')]);
    expect(sent.map(({ topics }) => topics[0]!.partitions)).toEqual([
      [{ partition: 0, offset: '10' }],
      [
        { partition: 1, offset: '4' },
        { partition: 0, offset: '12' },
      ],
    ]);
  });

  it('sends at the flush what a failed commit left', async () => {
    let fail = true;
    const sent: string[] = [];
    const commits = new OffsetCommits(() => undefined);
    commits.recorded('t', 0, '10', async ({ topics }) => {
      sent.push(topics[0]!.partitions[0]!.offset);
      if (fail) {
        fail = false;
        throw new Error('Broker not available');
      }
    });
    await commits.flushed();
    expect(sent).toEqual(['10', '10']);
  });

  it('is flushed once every offset handed over has been answered', async () => {
    const { commit, answer } = coordinator();
    const commits = new OffsetCommits(() => undefined);
    commits.recorded('t', 0, '10', commit);
    commits.recorded('t', 0, '20', commit);
    let flushed = false;
    const flushing = commits.flushed().then(() => (flushed = true));
    await answer();
    expect(flushed).toBe(false);
    await answer();
    await flushing;
    expect(flushed).toBe(true);
  });
});
