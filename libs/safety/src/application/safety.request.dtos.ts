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
  @Matches(CUSTOMER_ID_PATTERN, { message: 'customerId must be a pseudonymous customer id' }) customerId!: string;
  @IsString() @IsNotEmpty() @MaxLength(200) contactId!: string;
  @IsIn(AGGRESSION_CATEGORIES, { message: `category must be one of: ${AGGRESSION_CATEGORIES.join(', ')}` }) category!: string;
  @IsString() @IsNotEmpty() @MaxLength(500) description!: string;
  /** Where it happened; video calls unless said otherwise. */
  @IsOptional() @IsString() @IsNotEmpty() channel?: string;
}

export class ReasonRequestDto {
  @IsString() @IsNotEmpty() @MaxLength(1000) reason!: string;
}

export class RegisterExclusionRequestDto {
  @Matches(CUSTOMER_ID_PATTERN, { message: 'customerId must be a pseudonymous customer id' }) customerId!: string;
  /** Absent: the concept's default channels. Present: at least one; an empty list is not "video". */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'channels must name at least one channel (leave it out for the default channels)' })
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'channels must not name a channel twice' })
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  channels?: string[];
  @IsISO8601({ strict: true }, { message: 'endsAt must be an ISO 8601 date-time' }) endsAt!: string;
  @IsString() @IsNotEmpty() @MaxLength(1000) reason!: string;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) reportIds!: string[];
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'alternatives must not name a channel twice' })
  @IsString({ each: true })
  alternatives!: string[];
}

export class ReportsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(['open', 'dismissed', 'warned', 'excluded'], { message: 'status must be one of: open, dismissed, warned, excluded' })
  status?: string;
  @IsOptional() @IsString() customerId?: string;
}

export class ExclusionsQueryDto extends PageQueryDto {
  @IsOptional() @IsString() customerId?: string;
}

export class EligibilityQueryDto {
  @IsString() @IsNotEmpty() channel!: string;
}
