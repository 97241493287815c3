import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '@regie/http';
import { PRESENCE_SCHEMA } from '../cases.openapi';
import { Body, Controller, HttpCode, HttpStatus, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Roles, type Principal } from '@regie/auth';
import { PresenceRequestDto } from './set-presence/presence.request.dto';
import { SetPresenceCommand } from './set-presence/set-presence.command';

@ApiTags('cases')
@Controller('v1/agents')
export class AgentsHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Put('me/presence')
  @Roles('agent')
  @ApiRoute({
    summary: "Set the caller's presence, channels and capacity per channel",
    response: { schema: PRESENCE_SCHEMA },
    takesBody: true,
  })
  @HttpCode(HttpStatus.OK)
  async setPresence(
    @Body() body: PresenceRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PresenceRequestDto & { agentId: string }> {
    await this.commands.execute(new SetPresenceCommand(principal.sub, body.status, body.channels, body.capacity));
    return { agentId: principal.sub, ...body };
  }
}
