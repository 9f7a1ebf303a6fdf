import { Module } from '@nestjs/common';
import { AuthorTokens } from '../comments/author-token.js';
import { ThrottleRedisModule } from '../comments/intake-rate-limit.js';
import { ModerationModule } from '../moderation/moderation.module.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

/** Reader reports (docs/reader.md, "Reports"): the public endpoint; the moderators' side is in moderation/. */
@Module({
  imports: [ModerationModule, ThrottleRedisModule],
  controllers: [ReportsController],
  providers: [ReportsService, AuthorTokens],
})
export class ReportsModule {}
