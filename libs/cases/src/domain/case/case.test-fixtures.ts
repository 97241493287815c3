import type { CaseOpened } from './case.events';

/** A live-chat case opened at `openedAt` after two chatbot fallbacks: the case most specs start from. */
export const caseOpened = (caseId: string, openedAt: string, more: Partial<CaseOpened['data']> = {}): CaseOpened => ({
  type: 'CaseOpened',
  data: {
    caseId,
    customerId: 'cust-1',
    channel: 'live-chat',
    layer: 'assisted',
    trigger: 'bot-fallbacks',
    reason: 'the chatbot did not understand the customer repeatedly',
    context: { channelsTouched: ['chatbot'], botFailures: 2, earlierCases: [], fromChannel: 'chatbot', fromContactId: 'chat-1' },
    openedAt,
    ...more,
  },
});
