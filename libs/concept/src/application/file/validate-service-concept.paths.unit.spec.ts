import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { validateServiceConcept } from './validate-service-concept';

/**
 * The class of fault behind "a missing section gives a 500": for every path of the shipped
 * concept, take the value away or give it the wrong type, and the validation must name that path
 * (or the list or map holding it) — never throw, never pass a wrong type through.
 */
const SHIPPED = join(__dirname, '../../../../../config/service-concept.yaml');
const shipped = (): unknown => parse(readFileSync(SHIPPED, 'utf8'));

type Step = string | number;
const pathOf = (steps: readonly Step[]) =>
  steps.map((step, index) => (typeof step === 'number' ? `[${step}]` : index === 0 ? step : `.${step}`)).join('');

const pathsOf = (value: unknown, steps: Step[] = []): Step[][] => {
  const children: [Step, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : typeof value === 'object' && value !== null
      ? Object.entries(value)
      : [];
  return children.flatMap(([step, child]) => [[...steps, step], ...pathsOf(child, [...steps, step])]);
};

const mutate = (steps: readonly Step[], change: (parent: Record<Step, unknown>, key: Step) => void): unknown => {
  const raw = shipped();
  const parent = steps.slice(0, -1).reduce((node: any, step) => node[step], raw);
  change(parent, steps[steps.length - 1]!);
  return raw;
};

/** A value of another kind than the one in the file. */
const wrongKind = (value: unknown): unknown[] =>
  Array.isArray(value)
    ? ['a text', 7, {}]
    : typeof value === 'object' && value !== null
      ? ['a text', 7, [], null]
      : typeof value === 'string'
        ? [7, {}, []]
        : ['a text', {}, []];

const named = (issuePath: string, path: string) =>
  issuePath === path || path.startsWith(`${issuePath}.`) || path.startsWith(`${issuePath}[`) || issuePath.startsWith(path);

const ALL = pathsOf(shipped());

describe('every path of the service concept', () => {
  it('has many paths to try', () => expect(ALL.length).toBeGreaterThan(150));

  it.each(ALL.map((steps) => [pathOf(steps), steps] as const))('%s: a wrong kind of value is named', (path, steps) => {
    const original = steps.reduce((node: any, step) => node[step], shipped());
    for (const value of wrongKind(original)) {
      const result = validateServiceConcept(
        mutate(steps, (parent, key) => {
          parent[key] = value;
        }),
      );
      expect({ value, ok: result.ok }).toEqual({ value, ok: false });
      if (!result.ok) expect(result.issues.some((issue) => named(issue.path, path))).toBe(true);
    }
  });

  it.each(ALL.map((steps) => [pathOf(steps), steps] as const))('%s: taking it away is named or allowed', (path, steps) => {
    const result = validateServiceConcept(
      mutate(steps, (parent, key) => (Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key])),
    );
    if (!result.ok) expect(result.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining([expect.any(String)]));
    if (!result.ok && !Array.isArray(steps.slice(0, -1).reduce((node: any, step) => node[step], shipped())))
      expect(result.issues.some((issue) => named(issue.path, path))).toBe(true);
  });

  it.each([
    ['escalation', { escalation: undefined }, ['escalation']],
    ['kpiTargets', { kpiTargets: undefined }, ['kpiTargets']],
    ['safety', { safety: undefined }, ['safety']],
    ['escalation: {}', { escalation: {} }, ['escalation.bot', 'escalation.taskFailure', 'escalation.video']],
    ['escalation: []', { escalation: [] }, ['escalation']],
    ['surveys: [[]]', { surveys: [[]] }, ['surveys']],
  ])('names the missing section of %s', (_, change, paths) => {
    const result = validateServiceConcept({ ...(shipped() as object), ...change });
    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(paths));
  });
});
