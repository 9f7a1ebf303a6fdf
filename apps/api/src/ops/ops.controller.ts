import { Controller, HttpCode, Post, Res } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type AuthUser, CurrentUser } from '../auth/current-user.js';
import { Roles } from '../auth/roles.decorator.js';
import { QUEUE_BOARD_COOKIE, QUEUE_BOARD_ISSUER, QUEUE_BOARD_PATH, QUEUE_BOARD_TTL_SECONDS } from './queue-board.js';

@ApiTags('ops')
@ApiBearerAuth()
@Controller('api/ops')
export class OpsController {
  constructor(private readonly jwt: JwtService) {}

  /** A short-lived cookie that opens Bull Board at /admin/queues in this browser (admins only). */
  @Post('queue-board/session')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: `Sets a ${QUEUE_BOARD_TTL_SECONDS / 60}-minute cookie for the queue board at ${QUEUE_BOARD_PATH}` })
  async queueBoardSession(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: FastifyReply): Promise<{ url: string; expiresIn: number }> {
    const token = await this.jwt.signAsync({ sub: user.id, role: user.role }, { issuer: QUEUE_BOARD_ISSUER, expiresIn: QUEUE_BOARD_TTL_SECONDS });
    res.header(
      'Set-Cookie',
      `${QUEUE_BOARD_COOKIE}=${token}; Path=${QUEUE_BOARD_PATH}; Max-Age=${QUEUE_BOARD_TTL_SECONDS}; HttpOnly; SameSite=Strict`,
    );
    return { url: `${QUEUE_BOARD_PATH}/`, expiresIn: QUEUE_BOARD_TTL_SECONDS };
  }
}
