import type { LayerId } from '@regie/concept';

interface CaseFacts {
  readonly caseId: string;
  readonly customerId: string;
  readonly channel: string;
  readonly layer: LayerId;
  readonly openedAt: string;
  readonly breached: boolean;
}

export type CaseState =
  | { readonly status: 'none' }
  | ({ readonly status: 'queued' } & CaseFacts)
  | ({ readonly status: 'assigned'; readonly assignee: string } & CaseFacts)
  | ({ readonly status: 'resolved'; readonly assignee?: string; readonly outcome: string } & CaseFacts)
  | ({ readonly status: 'abandoned' } & CaseFacts);
