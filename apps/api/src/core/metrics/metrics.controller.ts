import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, Header, Headers, Inject, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Queue } from 'bullmq';
import { timingSafeEqual } from 'node:crypto';
import { Public } from '../http/public.decorator.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { QueueName } from '../queue/queue.constants.js';
import { registry } from './metrics.js';
import { refreshQueueGauges } from './queue-metrics.js';

/** Prometheus scrape endpoint. Open unless METRICS_TOKEN is set; then `Authorization: Bearer <METRICS_TOKEN>`. */
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
  @Header('Content-Type', registry.contentType)
  @Header('Cache-Control', 'no-store')
  async scrape(@Headers('authorization') authorization?: string): Promise<string> {
    const token = this.config.metricsToken;
    if (token) {
      const given = Buffer.from(authorization ?? '');
      const want = Buffer.from(`Bearer ${token}`);
      if (given.length !== want.length || !timingSafeEqual(given, want)) {
        throw new UnauthorizedException('metrics need Authorization: Bearer <METRICS_TOKEN>');
      }
    }
    await refreshQueueGauges([this.triage, this.maintenance, this.ruleJobs]);
    return registry.metrics();
  }
}
