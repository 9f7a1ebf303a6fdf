import { Body, Controller, Get, Headers, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LoginResponse } from '@sift/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthService } from './auth.service.js';
import { type AuthUser, CurrentUser } from './current-user.js';
import { LoginDto } from './dto/login.dto.js';
import { Public } from '../core/http/public.decorator.js';
import { withRetryAfter } from '../core/http/retry-after.js';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange email and password for a short-lived access token (429 + Retry-After after repeated failures)' })
  login(@Body() dto: LoginDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponse> {
    return withRetryAfter(reply, this.auth.login(dto.email, dto.password, req.ip));
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End the session of the bearer token: its access tokens stop working' })
  async logout(@Headers('authorization') authorization: string | undefined): Promise<void> {
    await this.auth.logout(authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined);
  }

  @Get('me')
  @ApiBearerAuth()
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }
}
