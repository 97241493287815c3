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
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { LAYER_ORDER } from '../../domain/service-concept';

const ID = /^[a-z][a-z0-9-]*$/;
const ID_MESSAGE = '$property must be a lower-case id (letters, digits, dashes)';

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
  @ValidateNested() @Type(() => BotEscalationDto) bot!: BotEscalationDto;
  @ValidateNested() @Type(() => TaskFailureEscalationDto) taskFailure!: TaskFailureEscalationDto;
  @ValidateNested() @Type(() => VideoEscalationDto) video!: VideoEscalationDto;
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
}

export class SurveySetDto {
  @IsIn(['csat', 'nps', 'csi']) instrument!: string;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) channels!: string[];
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => SurveyQuestionDto) questions!: SurveyQuestionDto[];
}

export class MinTargetDto {
  @IsNumber() min!: number;
}

export class FcrTargetDto {
  @IsNumber() @Min(0) @Max(1) min!: number;
  @IsInt() @Min(1) windowDays!: number;
}

export class KpiTargetsDto {
  @ValidateNested() @Type(() => MinTargetDto) csat!: MinTargetDto;
  @ValidateNested() @Type(() => MinTargetDto) nps!: MinTargetDto;
  @ValidateNested() @Type(() => MinTargetDto) csi!: MinTargetDto;
  @ValidateNested() @Type(() => FcrTargetDto) fcr!: FcrTargetDto;
  @IsObject() ahtSeconds!: Record<string, number>;
  @ValidateNested() @Type(() => MinTargetDto) botContainment!: MinTargetDto;
  @IsObject() channelShift!: Record<string, number>;
}

export class SafetyDto {
  @IsInt() @Min(1) maxExclusionDays!: number;
  @IsInt() @Min(0) retentionDays!: number;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) defaultChannels!: string[];
}

export class ServiceConceptDto {
  @Matches(ID, { message: ID_MESSAGE }) name!: string;
  @IsString() @IsNotEmpty() organisation!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => LayerDto) layers!: LayerDto[];
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => ChannelDto) channels!: ChannelDto[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => NeedDto) needs!: NeedDto[];
  @IsObject() fit!: Record<string, Record<string, boolean>>;
  @ValidateNested() @Type(() => EscalationDto) escalation!: EscalationDto;
  @IsObject() serviceLevels!: Record<string, ServiceLevelDto>;
  @IsArray() @ValidateNested({ each: true }) @Type(() => SurveySetDto) surveys!: SurveySetDto[];
  @ValidateNested() @Type(() => KpiTargetsDto) kpiTargets!: KpiTargetsDto;
  @ValidateNested() @Type(() => SafetyDto) safety!: SafetyDto;
}
