import { Body, Controller, Get, Headers, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LoginResponse } from '@sift/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { readCookie } from '../core/http/cookies.js';
import { Public } from '../core/http/public.decorator.js';
import { withRetryAfter } from '../core/http/retry-after.js';
import { AuthService, type SessionGrant } from './auth.service.js';
import { type AuthUser, CurrentUser } from './current-user.js';
import { LoginDto } from './dto/login.dto.js';
import { RefreshDto } from './dto/refresh.dto.js';

/** The refresh token's cookie: HttpOnly (no script reads it), SameSite=Strict (no other site sends it), sent to /api/auth only. */
export const REFRESH_COOKIE = 'sift_refresh';
const COOKIE_PATH = '/api/auth';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange email and password for a short-lived access token and a refresh cookie (429 + Retry-After after repeated failures)' })
  async login(@Body() dto: LoginDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponse> {
    return this.answer(reply, await withRetryAfter(reply, this.auth.login(dto.email, dto.password, req.ip)));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiOperation({ summary: 'A new access token from the refresh cookie, which rotates (401 when the session ended: signed out, idle, reused, disabled)' })
  async refresh(@Body() dto: RefreshDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponse> {
    try {
      return this.answer(reply, await this.auth.refresh(readCookie(req.headers.cookie, REFRESH_COOKIE), dto.active === true));
    } catch (err) {
      this.clearCookie(reply);
      throw err;
    }
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End the session of the bearer token (or of the refresh cookie): its tokens stop working' })
  async logout(@Headers('authorization') authorization: string | undefined, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const bearer = authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
    await this.auth.logout(bearer, readCookie(req.headers.cookie, REFRESH_COOKIE));
    this.clearCookie(reply);
  }

  @Get('me')
  @ApiBearerAuth()
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }

  private answer(reply: FastifyReply, grant: SessionGrant): LoginResponse {
    if (grant.refreshToken) this.setCookie(reply, grant.refreshToken, this.config.auth.sessionMaxSeconds);
    return grant.response;
  }

  private setCookie(reply: FastifyReply, value: string, maxAge: number): void {
    const secure = this.config.env === 'production' ? '; Secure' : '';
    void reply.header('Set-Cookie', `${REFRESH_COOKIE}=${value}; Path=${COOKIE_PATH}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure}`);
  }

  private clearCookie(reply: FastifyReply): void {
    this.setCookie(reply, '', 0);
  }
}
