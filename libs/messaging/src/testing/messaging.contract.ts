import type { Interaction } from '@regie/contracts';
import type { DecisionMessage, InteractionMessage, Messaging } from '../messaging.port';

export interface MessagingUnderTest {
  readonly messaging: Messaging;
  dispose(): Promise<void>;
}

const until = async (check: () => boolean, timeoutMs = 30_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for messages');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

export const message = (customer: string, n: number): InteractionMessage => {
  const interaction: Interaction = {
    specversion: '1.0',
    id: `${customer}-${n}`,
    source: 'urn:regie:contract',
    type: 'bot.fallback',
    subject: customer,
    time: new Date(Date.UTC(2026, 2, 1, 9, 0, n)).toISOString(),
    data: { channel: 'chatbot', contactId: `chat-${customer}` },
  };
  return { key: customer, interaction, actor: 'contract-test' };
};

const decision = (n: number): DecisionMessage => ({
  id: `decision-${n}`,
  source: 'urn:regie:contract',
  type: 'handoff.routed',
  subject: `cust-${n % 3}`,
  time: new Date().toISOString(),
  data: { caseId: `case-${n}`, channel: 'live-chat' },
});

/** What every messaging adapter must do (shared/DESIGN.md §2): run once per adapter. */
export const describeMessagingContract = (adapter: string, create: () => Promise<MessagingUnderTest>): void => {
  describe(`Messaging contract: ${adapter}`, () => {
    let subject: MessagingUnderTest;
    beforeEach(async () => {
      subject = await create();
    });
    afterEach(async () => subject.dispose());

    it("delivers every interaction with its actor, keeping each customer's order", async () => {
      const received: InteractionMessage[] = [];
      await subject.messaging.consumeInteractions(async (batch) => void received.push(...batch));
      const sent = Array.from({ length: 60 }, (_, n) => message(`cust-${n % 4}`, n));
      for (let from = 0; from < sent.length; from += 15) await subject.messaging.publishInteractions(sent.slice(from, from + 15));
      await until(() => received.length >= sent.length);
      expect(received).toHaveLength(sent.length);
      for (const customer of ['cust-0', 'cust-1', 'cust-2', 'cust-3']) {
        const ids = (list: InteractionMessage[]) => list.filter((m) => m.key === customer).map((m) => m.interaction.id);
        expect(ids(received)).toEqual(ids(sent));
      }
      expect(received[0].actor).toBe('contract-test');
      expect(received.find((m) => m.interaction.id === 'cust-1-1')?.interaction).toEqual(sent[1].interaction);
    });

    it('loses nothing when the handler fails: the batch comes again, or publishing fails so the sender retries', async () => {
      const handled: string[] = [];
      let failures = 2;
      await subject.messaging.consumeInteractions(async (batch) => {
        if (failures > 0) {
          failures -= 1;
          throw new Error('store unavailable');
        }
        handled.push(...batch.map((m) => m.interaction.id));
      });
      const sent = [message('cust-x', 1), message('cust-x', 2)];
      for (;;) {
        try {
          await subject.messaging.publishInteractions(sent);
          break;
        } catch {
          // the in-process bus reports the failure to the sender, who sends again
        }
      }
      await until(() => handled.length >= 2);
      expect(handled).toEqual(['cust-x-1', 'cust-x-2']);
    });

    it('delivers published decisions to live subscribers, and stops when unsubscribed', async () => {
      const seen: DecisionMessage[] = [];
      const unsubscribe = await subject.messaging.subscribeDecisions((d) => void seen.push(d));
      await subject.messaging.publishDecisions([decision(1), decision(2), decision(3)]);
      await until(() => seen.length >= 3);
      expect(seen.map((d) => d.id).sort()).toEqual(['decision-1', 'decision-2', 'decision-3']);
      expect(seen.find((d) => d.id === 'decision-2')).toMatchObject({
        type: 'handoff.routed',
        subject: 'cust-2',
        data: { caseId: 'case-2' },
      });
      await unsubscribe();
    });
  });
};
