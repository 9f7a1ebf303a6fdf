import { Controller, HttpCode, type MessageEvent, Post, Query, Sse, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Role, StreamTokenResponse } from '@sift/shared';
import { concatMap, from, interval, map, merge, type Observable, of, takeUntil } from 'rxjs';
import { type AuthUser, CurrentUser } from '../auth/current-user.js';
import { Public } from '../core/http/public.decorator.js';
import { LiveEventsSubscriber } from '../core/redis/live-events.js';
import { DrainService } from '../core/lifecycle/drain.service.js';

/** Stream tokens are signed with the app secret under their own issuer, so one is never accepted as a login. */
export const STREAM_ISSUER = 'sift-stream';
export const STREAM_TOKEN_TTL_SECONDS = 60;
const HEARTBEAT_MS = 25_000;

/**
 * Live updates for open dashboards (server-sent events). EventSource cannot send an Authorization header, so a
 * signed-in client first asks for a one-minute stream token and opens `/stream?token=…`; the token is checked when
 * the stream opens (a reconnect needs a fresh one). Events come from Redis pub/sub, so a change made through any API
 * replica, or by any worker, reaches the dashboards connected to every replica.
 */
@ApiTags('moderation')
@Controller('api/moderation')
export class LiveController {
  constructor(
    private readonly jwt: JwtService,
    private readonly live: LiveEventsSubscriber,
    private readonly drain: DrainService,
  ) {}

  @Post('stream-token')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: `A ${STREAM_TOKEN_TTL_SECONDS}-second token for GET /api/moderation/stream` })
  async token(@CurrentUser() user: AuthUser): Promise<StreamTokenResponse> {
    const token = await this.jwt.signAsync({ sub: user.id, role: user.role }, { issuer: STREAM_ISSUER, expiresIn: STREAM_TOKEN_TTL_SECONDS });
    return { token, expiresIn: STREAM_TOKEN_TTL_SECONDS };
  }

  @Public()
  @Sse('stream')
  @ApiQuery({ name: 'token', required: true })
  @ApiOperation({ summary: 'Server-sent events: comments received and status changes (LiveEvent JSON per message)' })
  async stream(@Query('token') token?: string): Promise<Observable<MessageEvent>> {
    let claims: { sub: string; role: Role };
    try {
      claims = await this.jwt.verifyAsync(token ?? '', { issuer: STREAM_ISSUER });
    } catch {
      throw new UnauthorizedException('the stream needs a fresh token from POST /api/moderation/stream-token');
    }
    await this.live.start();
    return merge(
      of<MessageEvent>({ data: { type: 'ready', userId: claims.sub } }),
      this.live.events$.pipe(concatMap((events) => from(events).pipe(map((e): MessageEvent => ({ data: e }))))),
      interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ data: { type: 'ping' } }))),
    ).pipe(takeUntil(this.drain.stopping$)); // stopping: end the stream, the dashboard reconnects elsewhere
  }
}
