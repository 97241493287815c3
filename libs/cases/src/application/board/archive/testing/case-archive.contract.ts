import { opened as openedCase } from '../../board.test-fixtures';
import type { CaseView } from '../../case-view';
import type { CaseArchive } from '../case-archive.port';

export interface CaseArchiveUnderTest {
  readonly archive: CaseArchive;
  /** A second handle on the same storage (another connection, or the same object in memory). */
  readonly other: CaseArchive;
  dispose(): Promise<void>;
}

const closed = (id: string, minute: number, more: Partial<CaseView> = {}): CaseView => {
  const { data: opened } = openedCase(id, minute);
  const { context, openedAt } = opened;
  return {
    id,
    customerId: 'cust-1',
    channel: 'live-chat',
    layer: 'assisted',
    status: 'resolved',
    reason: opened.reason,
    trigger: opened.trigger,
    context,
    openedAt,
    breached: false,
    assignee: 'agent-1',
    assignedAt: openedAt,
    closedAt: openedAt,
    outcome: 'resolved',
    opened,
    ...more,
  };
};

/** The behaviour every case archive must have. Run it once per adapter. */
export const describeCaseArchiveContract = (adapter: string, create: () => Promise<CaseArchiveUnderTest>, skipReason?: string): void => {
  const suite = skipReason ? describe.skip : describe;
  suite(`CaseArchive contract: ${adapter}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let subject: CaseArchiveUnderTest;
    beforeEach(async () => {
      subject = await create();
    });
    afterEach(async () => subject.dispose());

    it('gives back a kept case as it was kept, through every handle, and knows no other', async () => {
      const view = closed('case-1', 1, { escalatedFrom: 'case-0', context: { ...closed('x', 0).context, topic: 'Parkeren — €' } });
      await subject.archive.keep([view]);
      expect(await subject.other.get('case-1')).toEqual(view);
      expect(await subject.other.get('case-2')).toBeUndefined();
    });

    it('replaces a case kept again, so replaying what it holds changes nothing', async () => {
      await subject.archive.keep([closed('case-1', 1)]);
      await subject.archive.keep([closed('case-1', 1, { outcome: 'escalated', escalatedTo: 'case-2' }), closed('case-1', 1)]);
      expect(await subject.other.get('case-1')).toEqual(closed('case-1', 1));
      expect(await subject.other.page({ limit: 10 })).toEqual([closed('case-1', 1)]);
    });

    it('pages in the order of opening (then id), after the last case of the page before', async () => {
      const cases = [closed('case-c', 3), closed('case-a', 1), closed('case-b2', 2), closed('case-b1', 2)];
      await subject.archive.keep(cases);
      const first = await subject.other.page({ limit: 2 });
      expect(first.map((view) => view.id)).toEqual(['case-a', 'case-b1']);
      const next = await subject.other.page({ limit: 2, after: [first[1]!.openedAt, first[1]!.id] });
      expect(next.map((view) => view.id)).toEqual(['case-b2', 'case-c']);
      expect(await subject.other.page({ limit: 2, after: [next[1]!.openedAt, next[1]!.id] })).toEqual([]);
    });

    it('pages only the cases of the status, channel and layer asked for', async () => {
      await subject.archive.keep([
        closed('case-1', 1),
        closed('case-2', 2, { status: 'abandoned' }),
        closed('case-3', 3, { channel: 'video', layer: 'personal' }),
        closed('case-4', 4, { channel: 'phone' }),
      ]);
      const ids = async (query: Parameters<CaseArchive['page']>[0]) => (await subject.other.page(query)).map((view) => view.id);
      expect(await ids({ limit: 10, status: 'abandoned' })).toEqual(['case-2']);
      expect(await ids({ limit: 10, status: 'resolved', layer: 'assisted' })).toEqual(['case-1', 'case-4']);
      expect(await ids({ limit: 10, channel: 'video' })).toEqual(['case-3']);
      expect(await ids({ limit: 10, channel: 'video', layer: 'assisted' })).toEqual([]);
    });

    it("names a customer's cases oldest first, and erases them with the customer, leaving others'", async () => {
      await subject.archive.keep([closed('case-2', 2), closed('case-1', 1), closed('case-9', 3, { customerId: 'cust-2' })]);
      expect(await subject.other.caseIdsOf('cust-1')).toEqual(['case-1', 'case-2']);
      await subject.archive.forgetCustomer('cust-1');
      expect(await subject.other.caseIdsOf('cust-1')).toEqual([]);
      expect(await subject.other.get('case-1')).toBeUndefined();
      expect(await subject.other.page({ limit: 10 })).toEqual([closed('case-9', 3, { customerId: 'cust-2' })]);
    });

    it('keeps nothing when given nothing', async () => {
      await subject.archive.keep([]);
      expect(await subject.other.page({ limit: 10 })).toEqual([]);
    });
  });
};
