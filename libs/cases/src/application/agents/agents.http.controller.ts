import { Body, Controller, HttpCode, HttpStatus, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CurrentPrincipal, Roles, type Principal } from '@regie/auth';
import { PresenceRequestDto } from './set-presence/presence.request.dto';
import { SetPresenceCommand } from './set-presence/set-presence.command';

@Controller('v1/agents')
export class AgentsHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Put('me/presence')
  @Roles('agent')
  @HttpCode(HttpStatus.OK)
  async setPresence(
    @Body() body: PresenceRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PresenceRequestDto & { agentId: string }> {
    await this.commands.execute(new SetPresenceCommand(principal.sub, body.status, body.channels, body.capacity));
    return { agentId: principal.sub, ...body };
  }
}
