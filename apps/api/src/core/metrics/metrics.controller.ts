import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, Header, Headers, Inject, Res, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Queue } from 'bullmq';
import type { FastifyReply } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { Public } from '../http/public.decorator.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { QueueName } from '../queue/queue.constants.js';
import { registry } from './metrics.js';
import { refreshQueueGauges } from './queue-metrics.js';

/**
 * Prometheus scrape endpoint. `Authorization: Bearer <METRICS_TOKEN>` when that is set (production requires it);
 * open otherwise. The text content type is set on success only: a 401 is JSON like every other error (with the
 * type set up front, the JSON error could not be sent and became a 500).
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(QueueName.Triage) private readonly triage: Queue,
    @InjectQueue(QueueName.Maintenance) private readonly maintenance: Queue,
    @InjectQueue(QueueName.RuleJobs) private readonly ruleJobs: Queue,
  ) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'no-store')
  async scrape(@Res({ passthrough: true }) reply: FastifyReply, @Headers('authorization') authorization?: string): Promise<string> {
    const token = this.config.metricsToken;
    if (token) {
      const given = Buffer.from(authorization ?? '');
      const want = Buffer.from(`Bearer ${token}`);
      if (given.length !== want.length || !timingSafeEqual(given, want)) {
        throw new UnauthorizedException('metrics need Authorization: Bearer <METRICS_TOKEN>');
      }
    }
    await refreshQueueGauges([this.triage, this.maintenance, this.ruleJobs]);
    const body = await registry.metrics();
    reply.header('Content-Type', registry.contentType);
    return body;
  }
}
