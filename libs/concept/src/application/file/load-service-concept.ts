import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { ValidationIssue } from '@regie/contracts';
import type { ServiceConcept } from '../../domain/service-concept';
import { validateServiceConcept } from './validate-service-concept';

export class InvalidServiceConceptError extends Error {
  constructor(
    readonly file: string,
    readonly issues: readonly ValidationIssue[],
  ) {
    super(`invalid service concept ${file}:\n${issues.map((issue) => `  ${issue.path || '(root)'}: ${issue.message}`).join('\n')}`);
    this.name = 'InvalidServiceConceptError';
  }
}

export interface ServiceConceptFile {
  readonly concept: ServiceConcept;
  /** SHA-256 of the file's bytes: tells whether the file changed since it was last adopted. */
  readonly digest: string;
}

/** Reads and validates the service concept file; throws with every bad path when it is wrong. */
export const readServiceConceptFile = (file: string): ServiceConceptFile => {
  let text: string;
  let raw: unknown;
  try {
    text = readFileSync(file, 'utf8');
    raw = parse(text);
  } catch (error) {
    throw new InvalidServiceConceptError(file, [{ path: '', message: error instanceof Error ? error.message : String(error) }]);
  }
  const result = validateServiceConcept(raw);
  if (!result.ok) throw new InvalidServiceConceptError(file, result.issues);
  return { concept: result.value, digest: createHash('sha256').update(text).digest('hex') };
};

export const loadServiceConceptFile = (file: string): ServiceConcept => readServiceConceptFile(file).concept;
