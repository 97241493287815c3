import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CloudEvent } from 'cloudevents';
import { flattenValidationErrors } from '../validation/flatten-validation-errors';
import { invalid, valid, type Validated } from '../validation/result';
import type { ValidationIssue } from '../validation-issue';
import { INTERACTION_TYPES, type Interaction, type InteractionType } from './interaction';
import { ContactDataDto, DATA_DTO_BY_TYPE, InteractionEnvelopeDto } from './interaction.dto';

export interface InteractionRules {
  /** Channel ids of the service concept in force; anything else is refused. */
  readonly channels: ReadonlySet<string>;
  /**
   * Further checks of a well-formed event's data against the concept in force (e.g. a survey's
   * answers against its questions); paths are relative to the event (`data.answers.speed`).
   */
  readonly checkData?: (type: InteractionType, data: Readonly<Record<string, unknown>>) => readonly ValidationIssue[];
}

const isInteractionType = (type: unknown): type is InteractionType =>
  typeof type === 'string' && (INTERACTION_TYPES as readonly string[]).includes(type);

const validateObject = (cls: new () => object, value: object, prefix = ''): ValidationIssue[] =>
  flattenValidationErrors(
    validateSync(plainToInstance(cls, value), { whitelist: true, forbidUnknownValues: true, stopAtFirstError: true }),
    prefix,
  );

/** Keeps only the fields the contract defines for the type: nothing unknown (possibly personal) is stored. */
const pick = (source: Record<string, unknown>, dto: new () => ContactDataDto): Record<string, unknown> => {
  const instance = plainToInstance(dto, source);
  validateSync(instance, { whitelist: true });
  return JSON.parse(JSON.stringify(instance)) as Record<string, unknown>;
};

/**
 * Checks one interaction event against the contract and reports every problem at once. The
 * CloudEvents SDK has the last word on the envelope, so anything it refuses is refused too.
 */
export const validateInteraction = (raw: unknown, rules: InteractionRules, prefix = ''): Validated<Interaction> => {
  const at = (path: string): string => (prefix ? `${prefix}.${path}` : path);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return invalid([{ path: prefix || '$', message: 'an interaction must be a CloudEvents JSON object' }]);
  }
  const envelope = raw as Record<string, unknown>;
  const issues = validateObject(InteractionEnvelopeDto, envelope, prefix);

  const data = envelope.data;
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    const dto = isInteractionType(envelope.type) ? DATA_DTO_BY_TYPE[envelope.type] : ContactDataDto;
    const dataIssues = validateObject(dto, data, at('data'));
    const channel = (data as Record<string, unknown>).channel;
    if (typeof channel === 'string' && channel !== '' && !rules.channels.has(channel)) {
      dataIssues.push({ path: at('data.channel'), message: `channel must be one of: ${[...rules.channels].join(', ')}` });
    }
    if (dataIssues.length === 0 && rules.checkData && isInteractionType(envelope.type)) {
      dataIssues.push(
        ...rules.checkData(envelope.type, data as Record<string, unknown>).map((issue) => ({ ...issue, path: at(issue.path) })),
      );
    }
    issues.push(...dataIssues);
  }
  if (issues.length > 0) return invalid(issues);

  const type = envelope.type as InteractionType;
  const interaction = {
    specversion: '1.0',
    id: envelope.id,
    source: envelope.source,
    type,
    subject: envelope.subject,
    time: envelope.time,
    data: pick(data as Record<string, unknown>, DATA_DTO_BY_TYPE[type]),
  } as unknown as Interaction;
  try {
    new CloudEvent({ ...interaction, datacontenttype: 'application/json' }, true).validate();
  } catch (error) {
    return invalid([{ path: prefix || '$', message: `not a valid CloudEvent: ${(error as Error).message}` }]);
  }
  return valid(interaction);
};

/** A batch is all or nothing: one bad event refuses the batch, with each problem's index in its path. */
export const validateInteractionBatch = (raw: readonly unknown[], rules: InteractionRules): Validated<Interaction[]> => {
  if (raw.length === 0) return invalid([{ path: '$', message: 'a batch must hold at least one interaction' }]);
  const results = raw.map((item, index) => validateInteraction(item, rules, `[${index}]`));
  const issues = results.flatMap((result) => (result.ok ? [] : result.issues));
  if (issues.length > 0) return invalid(issues);
  return valid(results.map((result) => (result.ok ? result.value : (undefined as never))));
};
