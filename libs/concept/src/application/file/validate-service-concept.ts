import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors, invalid, valid, type Validated, type ValidationIssue } from '@regie/contracts';
import { compareLayers, LAYER_ORDER, type LayerId, type ServiceConcept } from '../../domain/service-concept';
import { ServiceConceptDto, ServiceLevelDto, type MeasurementDto } from './service-concept.dto';

type Plain = Record<string, unknown>;
const isPlainObject = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

const duplicates = (ids: readonly string[]): string[] => ids.filter((id, index) => ids.indexOf(id) !== index);

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const isDate = (value: string): boolean => {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
};

const measurementIssues = (measurement: MeasurementDto | undefined): ValidationIssue[] => {
  const issues: ValidationIssue[] = [];
  if (measurement?.timeZone !== undefined && !isTimeZone(measurement.timeZone))
    issues.push({ path: 'measurement.timeZone', message: `"${measurement.timeZone}" is not an IANA time zone (e.g. Europe/Amsterdam)` });
  const baseline = measurement?.baseline;
  if (baseline) {
    for (const key of ['from', 'to'] as const)
      if (!isDate(baseline[key]))
        issues.push({ path: `measurement.baseline.${key}`, message: `"${baseline[key]}" is not a calendar date` });
    if (issues.length === 0 && baseline.from > baseline.to)
      issues.push({ path: 'measurement.baseline.to', message: `must not be before measurement.baseline.from (${baseline.from})` });
  }
  return issues;
};

/** Everything class-validator cannot see: ids that must refer to declared channels, needs and layers. */
const crossCheck = (concept: ServiceConceptDto): ValidationIssue[] => {
  const issues: ValidationIssue[] = [];
  const problem = (path: string, message: string) => issues.push({ path, message });
  const layerOf = new Map(concept.channels.map((channel) => [channel.id, channel.layer as LayerId]));
  const needs = new Set(concept.needs.map((need) => need.id));
  const channel = (
    path: string,
    id: string,
    message = `"${id}" is not a channel of this concept (known: ${[...layerOf.keys()].join(', ')})`,
  ) => {
    if (!layerOf.has(id)) problem(path, message);
    return layerOf.get(id);
  };

  for (const id of LAYER_ORDER) if (!concept.layers.some((layer) => layer.id === id)) problem('layers', `layer "${id}" is missing`);
  for (const id of duplicates(concept.layers.map((layer) => layer.id))) problem('layers', `layer "${id}" is declared twice`);
  for (const id of duplicates(concept.channels.map((c) => c.id))) problem('channels', `channel "${id}" is declared twice`);
  for (const id of duplicates(concept.needs.map((need) => need.id))) problem('needs', `need "${id}" is declared twice`);

  for (const [channelId, row] of Object.entries(concept.fit)) {
    channel(`fit.${channelId}`, channelId);
    if (!isPlainObject(row)) {
      problem(`fit.${channelId}`, 'must map each need to true or false');
      continue;
    }
    for (const [need, meets] of Object.entries(row)) {
      if (!needs.has(need)) problem(`fit.${channelId}.${need}`, `"${need}" is not a need of this concept`);
      if (typeof meets !== 'boolean') problem(`fit.${channelId}.${need}`, 'must be true or false');
    }
  }

  const { bot, taskFailure, video } = concept.escalation;
  bot.channels.forEach((id, index) => {
    if (channel(`escalation.bot.channels[${index}]`, id) && layerOf.get(id) !== 'self-service')
      problem(`escalation.bot.channels[${index}]`, `"${id}" is not a self-service channel`);
  });
  const botTarget = channel('escalation.bot.target', bot.target);
  if (botTarget && compareLayers(botTarget, 'self-service') <= 0)
    problem('escalation.bot.target', 'must be a channel above the self-service layer');
  const offer = channel('escalation.taskFailure.offerChannel', taskFailure.offerChannel);
  if (offer && compareLayers(offer, 'self-service') <= 0)
    problem('escalation.taskFailure.offerChannel', 'must be a channel above the self-service layer');
  const videoLayer = channel('escalation.video.channel', video.channel);
  if (videoLayer && videoLayer !== 'personal') problem('escalation.video.channel', 'must be a channel of the personal layer');

  for (const [channelId, level] of Object.entries(concept.serviceLevels)) {
    const path = `serviceLevels.${channelId}`;
    channel(path, channelId);
    if (!isPlainObject(level)) {
      problem(path, 'must be an object with targetWaitSeconds and targetShare');
      continue;
    }
    issues.push(
      ...flattenValidationErrors(
        validateSync(plainToInstance(ServiceLevelDto, level), { whitelist: true, forbidNonWhitelisted: true }),
        path,
      ),
    );
    if (typeof level.overflowTo === 'string') {
      channel(`${path}.overflowTo`, level.overflowTo);
      if (level.overflowTo === channelId) problem(`${path}.overflowTo`, 'a queue cannot overflow into itself');
    }
  }

  concept.surveys.forEach((survey, index) => {
    survey.channels.forEach((id, at) => channel(`surveys[${index}].channels[${at}]`, id));
    survey.questions.forEach((question, at) => {
      if (question.min >= question.max) problem(`surveys[${index}].questions[${at}].max`, 'must be greater than min');
      if (question.need !== undefined && !needs.has(question.need))
        problem(
          `surveys[${index}].questions[${at}].need`,
          `"${question.need}" is not a need of this concept (known: ${[...needs].join(', ')})`,
        );
    });
    if (survey.instrument === 'csi') {
      const total = survey.questions.reduce((sum, question) => sum + (question.weight ?? 0), 0);
      if (Math.abs(total - 1) > 1e-6) problem(`surveys[${index}].questions`, `CSI weights must add up to 1 (they add up to ${total})`);
    }
  });
  for (const id of duplicates(concept.surveys.map((survey) => survey.instrument)))
    problem('surveys', `instrument "${id}" is declared twice`);

  for (const [channelId, seconds] of Object.entries(concept.kpiTargets.ahtSeconds)) {
    channel(`kpiTargets.ahtSeconds.${channelId}`, channelId);
    if (typeof seconds !== 'number' || !(seconds > 0))
      problem(`kpiTargets.ahtSeconds.${channelId}`, 'must be a positive number of seconds');
  }
  for (const [channelId, change] of Object.entries(concept.kpiTargets.channelShift)) {
    channel(`kpiTargets.channelShift.${channelId}`, channelId);
    if (typeof change !== 'number' || change < -1 || change > 1)
      problem(`kpiTargets.channelShift.${channelId}`, 'must be a relative change between -1 and 1');
  }
  concept.safety.defaultChannels.forEach((id, index) => channel(`safety.defaultChannels[${index}]`, id));
  issues.push(...measurementIssues(concept.measurement));
  return issues;
};

/** A service concept from parsed YAML or JSON: every problem at once, each with its path. */
export const validateServiceConcept = (raw: unknown): Validated<ServiceConcept> => {
  if (!isPlainObject(raw)) return invalid([{ path: '', message: 'the service concept must be an object' }]);
  const dto = plainToInstance(ServiceConceptDto, raw);
  const shapeIssues = flattenValidationErrors(
    validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true }),
  );
  if (shapeIssues.length > 0) return invalid(shapeIssues);
  const referenceIssues = crossCheck(dto);
  if (referenceIssues.length > 0) return invalid(referenceIssues);
  return valid(JSON.parse(JSON.stringify(dto)) as ServiceConcept);
};
