import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { AGGRESSION_CATEGORIES } from '../domain/safety.events';
import { CUSTOMER_ID_PATTERN } from '@regie/contracts';
import { PageQueryDto } from '@regie/http';

export class ReportAggressionRequestDto {
  @ApiProperty({ description: 'A pseudonymous customer id' })
  @Matches(CUSTOMER_ID_PATTERN, { message: 'customerId must be a pseudonymous customer id' })
  customerId!: string;
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  contactId!: string;
  @ApiProperty({ enum: AGGRESSION_CATEGORIES })
  @IsIn(AGGRESSION_CATEGORIES, { message: `category must be one of: ${AGGRESSION_CATEGORIES.join(', ')}` })
  category!: string;
  @ApiProperty({ maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description!: string;
  /** Where it happened; video calls unless said otherwise. */
  @ApiPropertyOptional({ default: 'video' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  channel?: string;
}

export class ReasonRequestDto {
  @ApiProperty({ maxLength: 1000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class RegisterExclusionRequestDto {
  @ApiProperty({ description: 'A pseudonymous customer id' })
  @Matches(CUSTOMER_ID_PATTERN, { message: 'customerId must be a pseudonymous customer id' })
  customerId!: string;
  /** Absent: the concept's default channels. Present: at least one; an empty list is not "video". */
  @ApiPropertyOptional({
    type: [String],
    minItems: 1,
    maxItems: 20,
    uniqueItems: true,
    description: "Left out: the concept's default channels",
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'channels must name at least one channel (leave it out for the default channels)' })
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'channels must not name a channel twice' })
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  channels?: string[];
  @ApiProperty({ format: 'date-time', description: "At most the concept's maximum exclusion days ahead" })
  @IsISO8601({ strict: true }, { message: 'endsAt must be an ISO 8601 date-time' })
  endsAt!: string;
  @ApiProperty({ maxLength: 1000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
  @ApiProperty({ type: [String], minItems: 1, description: 'The open reports it rests on' })
  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  reportIds!: string[];
  @ApiProperty({ type: [String], minItems: 1, maxItems: 20, uniqueItems: true, description: 'The channels offered instead' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'alternatives must not name a channel twice' })
  @IsString({ each: true })
  alternatives!: string[];
}

export class ReportsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'dismissed', 'warned', 'excluded'] })
  @IsOptional()
  @IsIn(['open', 'dismissed', 'warned', 'excluded'], { message: 'status must be one of: open, dismissed, warned, excluded' })
  status?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  customerId?: string;
}

export class ExclusionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  customerId?: string;
}

export class EligibilityQueryDto {
  @ApiProperty({ description: 'A channel id of the service concept', example: 'video' })
  @IsString()
  @IsNotEmpty()
  channel!: string;
}
