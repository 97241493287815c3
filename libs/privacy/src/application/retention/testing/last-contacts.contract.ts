import type { LastContacts } from '../last-contacts.port';

export interface LastContactsUnderTest {
  readonly lastContacts: LastContacts;
  /** A second handle on the same storage (another connection, or the same object in memory). */
  readonly other: LastContacts;
  dispose(): Promise<void>;
}

/** The behaviour every keeper of last contacts must have. Run it once per adapter. */
export const describeLastContactsContract = (adapter: string, create: () => Promise<LastContactsUnderTest>, skipReason?: string): void => {
  const suite = skipReason ? describe.skip : describe;
  suite(`LastContacts contract: ${adapter}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let subject: LastContactsUnderTest;
    beforeEach(async () => {
      subject = await create();
    });
    afterEach(() => subject.dispose());

    it('keeps the later of each customer’s last contacts, and tells those due by a cutoff, longest ago first', async () => {
      const { lastContacts, other } = subject;
      await lastContacts.keep(
        new Map([
          ['cust-b', 300],
          ['cust-a', 300],
          ['cust-c', 100],
        ]),
      );
      await lastContacts.keep(
        new Map([
          ['cust-c', 500],
          ['cust-a', 200],
        ]),
      );
      expect(await other.dueBy(300, 10)).toEqual([
        [300, 'cust-a'],
        [300, 'cust-b'],
      ]);
      expect(await other.dueBy(299, 10)).toEqual([]);
      expect(await other.dueBy(1_000, 10)).toEqual([
        [300, 'cust-a'],
        [300, 'cust-b'],
        [500, 'cust-c'],
      ]);
    });

    it('pages through those due, each page after the last one of the page before', async () => {
      const { lastContacts } = subject;
      const customers = Array.from({ length: 7 }, (_, index) => [`cust-${index}`, 1_700_000_000_000 + (index % 3)] as const);
      await lastContacts.keep(new Map(customers));
      const pages: string[][] = [];
      for (let page = await lastContacts.dueBy(1_700_000_000_001, 2); page.length > 0;) {
        pages.push(page.map(([, customerId]) => customerId));
        page = await lastContacts.dueBy(1_700_000_000_001, 2, page.at(-1));
      }
      expect(pages).toEqual([['cust-0', 'cust-3'], ['cust-6', 'cust-1'], ['cust-4']]);
    });

    it('forgets a customer, and keeps nothing for an empty batch', async () => {
      const { lastContacts, other } = subject;
      await lastContacts.keep(
        new Map([
          ['cust-gone', 100],
          ['cust-kept', 100],
        ]),
      );
      await lastContacts.keep(new Map());
      await lastContacts.forgetCustomer('cust-gone');
      expect(await other.dueBy(100, 10)).toEqual([[100, 'cust-kept']]);
    });
  });
};
