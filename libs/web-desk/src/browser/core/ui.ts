/// <reference lib="dom" />
import { html, nothing, type TemplateResult } from 'lit-html';
import { ApiProblem } from './api';
import { t, type TextKey } from './i18n';

/** Refusals the reader can act on, in their language; any other problem shows the server's own `detail`. */
const RULE_TEXTS: Readonly<Record<string, TextKey>> = {
  'four-eyes': 'problem.four-eyes',
  'not-your-case': 'problem.not-your-case',
  'case-not-queued': 'problem.case-not-queued',
  'case-not-assigned': 'problem.case-not-assigned',
  'escalation-must-go-up': 'problem.escalation-must-go-up',
  'end-beyond-maximum': 'problem.end-beyond-maximum',
  'end-in-past': 'problem.end-in-past',
  'alternative-excluded': 'problem.alternative-excluded',
  'report-not-open': 'problem.report-not-open',
  'exclusion-not-in-force': 'problem.exclusion-not-in-force',
  'agent-not-available': 'problem.agent-not-available',
  'channel-not-served': 'problem.channel-not-served',
  'capacity-full': 'problem.capacity-full',
  forbidden: 'problem.forbidden',
  'rate-limited': 'problem.rate-limited',
  network: 'problem.network',
};

export const problemText = (error: unknown): string => {
  if (!(error instanceof ApiProblem)) return t('problem.unexpected');
  const known = RULE_TEXTS[error.rule];
  const text = known ? t(known) : error.detail || t('problem.unexpected');
  const fields = error.errors.map((issue) => `${issue.path}: ${issue.message}`);
  return fields.length ? `${text} (${fields.join('; ')})` : text;
};

/** The outcome of a form: a refusal (read out at once) or a confirmation. */
export interface Feedback {
  readonly kind: 'error' | 'done';
  readonly text: string;
}

export const feedbackOf = (error: unknown): Feedback => ({ kind: 'error', text: problemText(error) });

export const feedbackView = (feedback: Feedback | undefined, id?: string): TemplateResult | typeof nothing =>
  feedback
    ? html`<p
        id=${id ?? nothing}
        class=${feedback.kind === 'error' ? 'problem' : 'done'}
        role=${feedback.kind === 'error' ? 'alert' : 'status'}
      >
        ${feedback.text}
      </p>`
    : nothing;

/** Reads a submitted form; the browser never submits it itself (the CSP forbids form actions). */
export const formFields = (event: Event): { form: HTMLFormElement; data: FormData } => {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  return { form, data: new FormData(form) };
};

export const text = (data: FormData, name: string): string => String(data.get(name) ?? '').trim();

export const all = (data: FormData, name: string): string[] => data.getAll(name).map(String);

/** Moves focus to an element once it has been rendered (a newly opened case, a form's first field). */
export const focusSoon = (id: string): void => {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
};
