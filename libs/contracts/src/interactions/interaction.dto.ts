import {
  Equals,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsRFC3339,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  NotContains,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import { CONTACT_OUTCOMES, INTERACTION_TYPES, SURVEY_INSTRUMENTS, type InteractionType } from './interaction';

/** Pseudonymous ids only: no spaces (names), no bare 8–9 digit numbers (Dutch citizen service numbers). */
export const CUSTOMER_ID_PATTERN = /^(?!\d{8,9}$)[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,127}$/;

const IsNumberRecord = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isNumberRecord',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length > 0 &&
          Object.keys(value).length <= 50 &&
          Object.values(value).every((n) => typeof n === 'number' && Number.isFinite(n)),
        defaultMessage: () => 'answers must be an object of 1 to 50 question ids mapped to numbers',
      },
    },
    options,
  );

export class InteractionEnvelopeDto {
  @Equals('1.0', { message: 'specversion must be "1.0"' })
  specversion!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  id!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  source!: string;

  @IsIn(INTERACTION_TYPES, { message: `type must be one of: ${INTERACTION_TYPES.join(', ')}` })
  type!: string;

  @Matches(CUSTOMER_ID_PATTERN, {
    message: 'subject must be a pseudonymous customer id (1–128 letters, digits or ._:@-, not a citizen service number)',
  })
  subject!: string;

  @IsRFC3339({ message: 'time must be an RFC 3339 timestamp such as 2026-03-01T09:30:00Z' })
  time!: string;

  @IsObject({ message: 'data must be an object with at least channel and contactId' })
  data!: Record<string, unknown>;
}

export class ContactDataDto {
  @IsString({ message: 'channel must be a channel id string' })
  @IsNotEmpty()
  channel!: string;

  @Matches(ID, { message: 'contactId must be 1–128 letters, digits or ._:@/-' })
  contactId!: string;
}

class TopicDataDto extends ContactDataDto {
  @IsOptional()
  @IsString()
  @MaxLength(120)
  @NotContains('\n')
  topic?: string;
}

class ContactEndedDataDto extends ContactDataDto {
  @IsIn(CONTACT_OUTCOMES, { message: `outcome must be one of: ${CONTACT_OUTCOMES.join(', ')}` })
  outcome!: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(86_400)
  handlingSeconds?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(30 * 86_400)
  waitSeconds?: number;
}

class BotFallbackDataDto extends ContactDataDto {
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  confidence?: number;
}

class HandoffRequestedDataDto extends ContactDataDto {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

class SentimentDataDto extends ContactDataDto {
  @IsNumber({}, { message: 'score must be a number from -1 to 1' })
  @Min(-1)
  @Max(1)
  score!: number;
}

class TaskDataDto extends ContactDataDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  task!: string;
}

class SurveyDataDto extends ContactDataDto {
  @IsIn(SURVEY_INSTRUMENTS, { message: `instrument must be one of: ${SURVEY_INSTRUMENTS.join(', ')}` })
  instrument!: string;

  @IsNumberRecord()
  answers!: Record<string, number>;
}

export const DATA_DTO_BY_TYPE: Record<InteractionType, new () => ContactDataDto> = {
  'contact.started': TopicDataDto,
  'contact.ended': ContactEndedDataDto,
  'bot.fallback': BotFallbackDataDto,
  'handoff.requested': HandoffRequestedDataDto,
  'sentiment.observed': SentimentDataDto,
  'task.completed': TaskDataDto,
  'task.failed': TaskDataDto,
  'video.requested': TopicDataDto,
  'survey.answered': SurveyDataDto,
};
