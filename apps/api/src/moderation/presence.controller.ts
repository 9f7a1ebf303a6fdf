import { Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PresenceEntry } from '@sift/shared';
import { type AuthUser, CurrentUser } from '../auth/current-user.js';
import { UuidPipe } from '../core/http/pipes.js';
import { PRESENCE_TTL_SECONDS, PresenceService } from './presence.service.js';

/**
 * "Also looking": which staff have a comment's card open (issue 17, item 6). Any staff role; who is looking is
 * always the signed-in user (the session), never something the request says.
 */
@ApiTags('moderation')
@ApiBearerAuth()
@Controller('api/moderation')
export class PresenceController {
  constructor(private readonly presence: PresenceService) {}

  @Get('presence')
  @ApiOperation({ summary: 'Every comment card open right now: comment, who, seconds left' })
  all(): Promise<PresenceEntry[]> {
    return this.presence.all();
  }

  @Put('comments/:id/presence')
  @HttpCode(200)
  @ApiOperation({ summary: `I have this card open (a heartbeat; lapses after ${PRESENCE_TTL_SECONDS} s): answers everyone who has it open` })
  heartbeat(@Param('id', UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<PresenceEntry[]> {
    return this.presence.heartbeat(id, { id: user.id, name: user.name });
  }

  @Delete('comments/:id/presence')
  @HttpCode(204)
  @ApiOperation({ summary: 'I closed this card' })
  leave(@Param('id', UuidPipe) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.presence.leave(id, { id: user.id, name: user.name });
  }
}
