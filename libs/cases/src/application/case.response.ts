import type { CaseView } from './board/case-board';

/** The case as the API shows it: everything but the internal copy of how it was opened. */
export const toCaseResponse = ({ opened: _opened, ...view }: CaseView) => view;
export type CaseResponse = ReturnType<typeof toCaseResponse>;
