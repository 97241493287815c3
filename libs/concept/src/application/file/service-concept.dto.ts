import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ABANDONED_RULES, LAYER_ORDER } from '../../domain/service-concept';

const ID = /^[a-z][a-z0-9-]*$/;
const ID_MESSAGE = '$property must be a lower-case id (letters, digits, dashes)';

const isPlainObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A required object: `@ValidateNested` alone passes a missing or empty-array section, and the
 * cross-checks then fail on it; this names the section instead.
 */
const Section = (type: () => new () => object): PropertyDecorator => {
  const required = ValidateBy({
    name: 'isSection',
    validator: {
      validate: isPlainObject,
      defaultMessage: (args) => (args?.value === undefined ? '$property is required (an object)' : '$property must be an object'),
    },
  });
  const decorators = [required, ValidateNested(), Type(type)];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
};

/** A required list of objects of `type` (at least `min`): each item is an object, not null or a nested list. */
const ListOf = (type: () => new () => object, min = 0): PropertyDecorator => {
  const decorators = [
    IsArray(),
    ...(min > 0 ? [ArrayMinSize(min)] : []),
    ValidateBy({
      name: 'isListOfObjects',
      validator: {
        validate: (value: unknown) => !Array.isArray(value) || value.every(isPlainObject),
        defaultMessage: () => 'each item of $property must be an object',
      },
    }),
    ValidateNested({ each: true }),
    Type(type),
  ];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
};

/** A required map (channel → …): an object, not an array, not missing. */
const MapOf = (what: string): PropertyDecorator =>
  ValidateBy({
    name: 'isMap',
    validator: {
      validate: isPlainObject,
      defaultMessage: (args) => (args?.value === undefined ? `$property is required (${what})` : `$property must be an object (${what})`),
    },
  });

export class LayerDto {
  @IsIn(LAYER_ORDER) id!: string;
  @IsString() @IsNotEmpty() label!: string;
}

export class ChannelDto {
  @Matches(ID, { message: ID_MESSAGE }) id!: string;
  @IsIn(LAYER_ORDER, { message: `layer must be one of ${LAYER_ORDER.join(', ')}` }) layer!: string;
  @IsString() @IsNotEmpty() label!: string;
}

export class NeedDto {
  @Matches(ID, { message: ID_MESSAGE }) id!: string;
  @IsString() @IsNotEmpty() label!: string;
}

export class BotEscalationDto {
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) channels!: string[];
  @IsInt() @Min(1) fallbacksPerContact!: number;
  @IsNumber() @Min(-1) @Max(1) sentimentThreshold!: number;
  @IsBoolean() escalateOnHandoff!: boolean;
  @IsString() target!: string;
}

export class TaskFailureEscalationDto {
  @IsInt() @Min(1) repeats!: number;
  @IsNumber() @Min(1) windowHours!: number;
  @IsString() offerChannel!: string;
}

export class VideoEscalationDto {
  @IsString() channel!: string;
}

export class EscalationDto {
  @Section(() => BotEscalationDto) bot!: BotEscalationDto;
  @Section(() => TaskFailureEscalationDto) taskFailure!: TaskFailureEscalationDto;
  @Section(() => VideoEscalationDto) video!: VideoEscalationDto;
}

export class ServiceLevelDto {
  @IsInt() @Min(1) targetWaitSeconds!: number;
  @IsNumber() @Min(0) @Max(1) targetShare!: number;
  @IsOptional() @IsString() overflowTo?: string;
}

export class SurveyQuestionDto {
  @Matches(ID, { message: ID_MESSAGE }) id!: string;
  @IsString() @IsNotEmpty() label!: string;
  @IsInt() min!: number;
  @IsInt() max!: number;
  @IsOptional() @IsNumber() @Min(0) @Max(1) weight?: number;
  @IsOptional() @Matches(ID, { message: 'need must be a need id of this concept' }) need?: string;
}

export class SurveySetDto {
  @IsIn(['csat', 'nps', 'csi']) instrument!: string;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) channels!: string[];
  @ListOf(() => SurveyQuestionDto, 1) questions!: SurveyQuestionDto[];
}

export class MinTargetDto {
  @IsNumber() min!: number;
}

export class FcrTargetDto {
  @IsNumber() @Min(0) @Max(1) min!: number;
  @IsInt() @Min(1) windowDays!: number;
}

export class KpiTargetsDto {
  @Section(() => MinTargetDto) csat!: MinTargetDto;
  @Section(() => MinTargetDto) nps!: MinTargetDto;
  @Section(() => MinTargetDto) csi!: MinTargetDto;
  @Section(() => FcrTargetDto) fcr!: FcrTargetDto;
  @MapOf('channel → seconds') ahtSeconds!: Record<string, number>;
  @Section(() => MinTargetDto) botContainment!: MinTargetDto;
  @MapOf('channel → relative change') channelShift!: Record<string, number>;
}

export class SafetyDto {
  @IsInt() @Min(1) maxExclusionDays!: number;
  @IsInt() @Min(0) retentionDays!: number;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) defaultChannels!: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class BaselineDto {
  @Matches(DATE, { message: '$property must be a date like 2026-01-31' }) from!: string;
  @Matches(DATE, { message: '$property must be a date like 2026-01-31' }) to!: string;
}

export class MeasurementDto {
  @IsOptional() @IsString() @IsNotEmpty() timeZone?: string;
  @ValidateIf((_, value) => value !== undefined) @Section(() => BaselineDto) baseline?: BaselineDto;
  @IsOptional()
  @IsIn(ABANDONED_RULES, { message: `serviceLevelAbandoned must be one of ${ABANDONED_RULES.join(', ')}` })
  serviceLevelAbandoned?: string;
  @IsOptional() @IsNumber() @Min(0) shortAbandonSeconds?: number;
  @IsOptional() @IsNumber() @Min(0) @Max(100) gapThreshold?: number;
}

export class RetentionDto {
  @IsOptional() @IsInt() @Min(1) journeyDays?: number;
}

export class ServiceConceptDto {
  @Matches(ID, { message: ID_MESSAGE }) name!: string;
  @IsString() @IsNotEmpty() organisation!: string;
  @ListOf(() => LayerDto) layers!: LayerDto[];
  @ListOf(() => ChannelDto, 1) channels!: ChannelDto[];
  @ListOf(() => NeedDto) needs!: NeedDto[];
  @MapOf('channel → need → true or false') fit!: Record<string, Record<string, boolean>>;
  @Section(() => EscalationDto) escalation!: EscalationDto;
  @MapOf('channel → service level') serviceLevels!: Record<string, ServiceLevelDto>;
  @ListOf(() => SurveySetDto) surveys!: SurveySetDto[];
  @Section(() => KpiTargetsDto) kpiTargets!: KpiTargetsDto;
  @Section(() => SafetyDto) safety!: SafetyDto;
  @ValidateIf((_, value) => value !== undefined) @Section(() => MeasurementDto) measurement?: MeasurementDto;
  @ValidateIf((_, value) => value !== undefined) @Section(() => RetentionDto) retention?: RetentionDto;
}
