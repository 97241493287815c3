import { getMetadataStorage, validateSync } from 'class-validator';
import { flattenValidationErrors } from '../validation/flatten-validation-errors';
import { fastAccepts } from '../validation/fast-accept';
import { checkJsonLimits, DEFAULT_JSON_LIMITS, type JsonLimits } from '../validation/json-limits';
import { invalid, valid, type Validated } from '../validation/result';
import type { ValidationIssue } from '../validation-issue';
import { CloudEventCheck } from './cloud-event-check';
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

const knownFields = new Map<new () => object, readonly string[]>();

/** The properties a DTO validates, from class-validator's own metadata (inherited ones included). */
const fieldsOf = (cls: new () => object): readonly string[] => {
  let fields = knownFields.get(cls);
  if (!fields) {
    fields = [
      ...new Set(
        getMetadataStorage()
          .getTargetValidationMetadatas(cls, '', true, false)
          .map((meta) => meta.propertyName),
      ),
    ];
    knownFields.set(cls, fields);
  }
  return fields;
};

const knownFieldSets = new Map<new () => object, ReadonlySet<string>>();

/**
 * True when `value` is a plain object (as JSON.parse makes them) whose enumerable keys are all own fields of the DTO:
 * it is its own picking. Fields a JSON text cannot give (non-enumerable, symbol-keyed, getters) are no concern here.
 */
const onlyKnown = (cls: new () => object, value: Record<string, unknown>): boolean => {
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  let fields = knownFieldSets.get(cls);
  if (!fields) knownFieldSets.set(cls, (fields = new Set(fieldsOf(cls))));
  for (const key in value) if (!fields.has(key) || !Object.hasOwn(value, key)) return false;
  return true;
};

/**
 * Only the fields the contract defines for the type, before any mapping: unknown fields (possibly
 * personal) are never stored, and however many a platform sends, they cost the mappers nothing. A plain object
 * with no other fields (most events) is taken as it is: copying its fields one by one into a new object was a
 * tenth of validation's time.
 */
const known = (cls: new () => object, value: Record<string, unknown>): Record<string, unknown> => {
  if (onlyKnown(cls, value)) return value;
  const picked: Record<string, unknown> = {};
  for (const field of fieldsOf(cls)) if (Object.hasOwn(value, field)) picked[field] = value[field];
  return picked;
};

/**
 * The problems with `picked` (the known fields of a value) against the DTO's constraints, none if they all hold.
 * The DTOs here are flat (no @Type, no @Transform), so an instance is the known fields on the class's prototype:
 * class-transformer would deep-copy every nested value at ~10 µs a key. A valid value is recognised by the DTO's
 * own constraints run directly on the picked fields (fastAccepts: ~1 µs for envelope and data here, validateSync
 * ~10 µs); anything else is made an instance and reported by validateSync itself.
 */
const problemsOf = (cls: new () => object, picked: Record<string, unknown>, prefix = ''): ValidationIssue[] => {
  if (fastAccepts(cls, picked)) return [];
  const instance = Object.assign(Object.create(cls.prototype) as object, picked);
  return flattenValidationErrors(validateSync(instance, { whitelist: true, forbidUnknownValues: true, stopAtFirstError: true }), prefix);
};

/**
 * The known fields, copied as JSON would copy them: a nested value (a survey's answers) deeply, so that nothing
 * of the raw body is shared. Most data is flat, and for JSON's own values a spread is the same copy at a fraction
 * of the cost (`known` may have given the raw object itself).
 */
const asJson = (picked: Record<string, unknown>): Record<string, unknown> => {
  for (const value of Object.values(picked)) {
    if ((typeof value === 'object' && value !== null) || value === undefined) {
      return JSON.parse(JSON.stringify(picked)) as Record<string, unknown>;
    }
  }
  return { ...picked };
};

const cloudEventCheck = new CloudEventCheck();

/**
 * Checks one interaction event against the contract and reports every problem at once. The
 * CloudEvents SDK has the last word on the envelope, so anything it refuses is refused too.
 * `limits`: the JSON limits the event is held to first, or `checked` where the whole document it
 * came in was walked against the configured limits already (an HTTP body: body-parsing.ts).
 */
export const validateInteraction = (
  raw: unknown,
  rules: InteractionRules,
  prefix = '',
  limits: JsonLimits | 'checked' = DEFAULT_JSON_LIMITS,
): Validated<Interaction> => {
  const at = (path: string): string => (prefix ? `${prefix}.${path}` : path);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return invalid([{ path: prefix || '$', message: 'an interaction must be a CloudEvents JSON object' }]);
  }
  // The mappers below recurse and trip over prototype keys: the shape is checked first, without recursion.
  const tooLarge = limits === 'checked' ? undefined : checkJsonLimits(raw, limits);
  if (tooLarge) return invalid([{ path: tooLarge.path === '$' ? prefix || '$' : at(tooLarge.path), message: tooLarge.message }]);
  const envelope = raw as Record<string, unknown>;
  const issues = problemsOf(InteractionEnvelopeDto, known(InteractionEnvelopeDto, envelope), prefix);

  const data = envelope.data;
  let pickedData: Record<string, unknown> | undefined;
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    const dto = isInteractionType(envelope.type) ? DATA_DTO_BY_TYPE[envelope.type] : ContactDataDto;
    pickedData = known(dto, data as Record<string, unknown>);
    const dataIssues = problemsOf(dto, pickedData, at('data'));
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
  // IsObject lets a function through, which no JSON body holds: only a caller in this process could give one.
  if (pickedData === undefined)
    return invalid([{ path: at('data'), message: 'data must be an object with at least channel and contactId' }]);

  const interaction = {
    specversion: '1.0',
    id: envelope.id,
    source: envelope.source,
    type: envelope.type as InteractionType,
    subject: envelope.subject,
    time: envelope.time,
    data: asJson(pickedData),
  } as unknown as Interaction;
  const problem = cloudEventCheck.problemWith(interaction);
  if (problem !== undefined) return invalid([{ path: prefix || '$', message: `not a valid CloudEvent: ${problem}` }]);
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
