import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsNotEmpty, IsObject, IsString, ValidateBy } from 'class-validator';
import { PRESENCE_STATUSES } from '../../../domain/agent/agent.events';

const IsCapacityMap = () =>
  ValidateBy({
    name: 'isCapacityMap',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.values(value).every((n) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 50),
      defaultMessage: () => 'capacity must map channel ids to whole numbers from 0 to 50',
    },
  });

export class PresenceRequestDto {
  @ApiProperty({ enum: PRESENCE_STATUSES })
  @IsIn(PRESENCE_STATUSES, { message: `status must be one of: ${PRESENCE_STATUSES.join(', ')}` })
  status!: (typeof PRESENCE_STATUSES)[number];

  @ApiProperty({ type: [String], maxItems: 20, uniqueItems: true, description: 'The channels the agent serves' })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'channels must not name a channel twice' })
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  channels!: string[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 0, maximum: 50 },
    description: 'Channel id → cases at once',
  })
  @IsObject()
  @IsCapacityMap()
  capacity!: Record<string, number>;
}
