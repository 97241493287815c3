import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ApiRoute, INTEGER, objectSchema, STRING } from '@regie/http';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { Roles } from '@regie/auth';
import { CHANNEL_ACTIVITY, activeDaysOf, type ChannelActivity, type ChannelDay } from '../domain/channel-activity.projection';
import { EVENT_STORE, type EventStore } from '@regie/event-store';
import { IsOptional, Matches } from 'class-validator';
import { ProjectionsRunner } from './projections.runner';
import { projectionNamed } from './registry';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class ChannelActivityQueryDto {
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DAY, { message: 'from must be a date, YYYY-MM-DD' })
  from?: string;
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DAY, { message: 'to must be a date, YYYY-MM-DD' })
  to?: string;
}

/** Read models for service managers, and how far each projection has got. */
@ApiTags('measurement')
@Controller('v1')
export class ProjectionsHttpController {
  constructor(
    private readonly runner: ProjectionsRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('channel-activity')
  @Roles('supervisor')
  @ApiRoute({
    summary: 'Contacts per day and channel (a read model), and the position it has reached',
    response: {
      schema: objectSchema({ position: INTEGER, items: { type: 'array', items: { type: 'object', additionalProperties: true } } }, [
        'position',
        'items',
      ]),
    },
    problems: [400],
  })
  channelActivity(@Query() query: ChannelActivityQueryDto): { items: (ChannelDay & { day: string; channel: string })[]; position: number } {
    const snapshot = this.runner.snapshot<ChannelActivity>(CHANNEL_ACTIVITY);
    const days = activeDaysOf(snapshot?.state ?? { months: {} }).filter(
      ([day]) => (query.from === undefined || day >= query.from) && (query.to === undefined || day <= query.to),
    );
    return {
      position: snapshot?.position ?? 0,
      items: days.flatMap(([day, channels]) => Object.entries(channels).map(([channel, counts]) => ({ day, channel, ...counts }))),
    };
  }

  /** `behind`: events after the projection's position on the streams it reads (0 when caught up). */
  @Get('projections')
  @Roles('supervisor', 'manager')
  @ApiRoute({
    summary: 'How far each projection has got: its position and how many events it is behind',
    response: {
      schema: objectSchema(
        {
          head: INTEGER,
          items: {
            type: 'array',
            items: objectSchema({ name: STRING, position: INTEGER, behind: INTEGER }, ['name', 'position', 'behind']),
          },
        },
        ['head', 'items'],
      ),
    },
  })
  async status(): Promise<{ head: number; items: { name: string; position: number; behind: number }[] }> {
    const head = await this.store.headPosition();
    const items = await Promise.all(
      this.runner.names().map(async (name) => {
        const position = this.runner.snapshot(name)?.position ?? 0;
        const next = await this.store.readAll({ after: position, maxCount: 1, streamPrefixes: projectionNamed(name)?.streamPrefixes });
        return { name, position, behind: next.length === 0 ? 0 : Math.max(1, head - position) };
      }),
    );
    return { head, items };
  }
}
