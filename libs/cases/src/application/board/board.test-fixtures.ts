import type { CaseOpened } from '../../domain/case/case.events';
import { caseOpened } from '../../domain/case/case.test-fixtures';

/** A minute of the morning of 2026-03-01, as the board's specs write times. */
export const at = (minute: number): string => `2026-03-01T09:${String(minute).padStart(2, '0')}:00.000Z`;

/** The usual live-chat case, opened at `minute`. */
export const opened = (caseId: string, minute: number, more: Partial<CaseOpened['data']> = {}): CaseOpened =>
  caseOpened(caseId, at(minute), more);
