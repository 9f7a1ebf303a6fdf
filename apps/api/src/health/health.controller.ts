import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HealthResponse } from '@sift/shared';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../core/http/public.decorator.js';
import { Redis } from 'ioredis';
import { REDIS } from '../core/redis/redis.module.js';
import { DrainService } from '../core/lifecycle/drain.service.js';

const withTimeout = <T>(p: Promise<T>, ms: number, fallback: T): Promise<T> =>
  Promise.race([p.catch(() => fallback), new Promise<T>((r) => setTimeout(() => r(fallback), ms).unref())]);

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly drain: DrainService,
  ) {}

  /**
   * Readiness: 200 when Postgres and Redis answer, 503 (with which one is down) otherwise, and 503 "stopping" once
   * the process drains for a shutdown.
   */
  @Get()
  @Public()
  @ApiOperation({ summary: 'Readiness: Postgres and Redis checks' })
  async ready(@Res({ passthrough: true }) res: FastifyReply): Promise<HealthResponse> {
    const [pg, redis] = await Promise.all([
      withTimeout(this.dataSource.query('SELECT 1').then(() => true), 2000, false),
      withTimeout(this.redis.ping().then((r) => r === 'PONG'), 2000, false),
    ]);
    const body: HealthResponse = {
      status: this.drain.isDraining ? 'stopping' : pg && redis ? 'ok' : 'degraded',
      checks: { postgres: pg ? 'up' : 'down', redis: redis ? 'up' : 'down' },
    };
    res.status(body.status === 'ok' ? 200 : 503);
    return body;
  }

  /** Liveness: the process answers. */
  @Get('live')
  @Public()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
