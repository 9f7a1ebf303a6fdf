import { Module } from '@nestjs/common';
import { ArticlesModule } from './articles/articles.module.js';
import { CampaignsModule } from './campaigns/campaigns.module.js';
import { AuthorsModule } from './authors/authors.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CommentsModule } from './comments/comments.module.js';
import { ConfigModule } from './core/config/config.module.js';
import { ENTITIES } from './data-source.js';
import { DatabaseModule } from './core/database/database.module.js';
import { QueueModule } from './core/queue/queue.module.js';
import { RedisModule } from './core/redis/redis.module.js';
import { LoggingModule } from './core/logging/logging.module.js';
import { MetricsModule } from './core/metrics/metrics.module.js';
import { HealthModule } from './health/health.module.js';
import { LifecycleModule } from './core/lifecycle/lifecycle.module.js';
import { OpsModule } from './ops/ops.module.js';
import { ModerationModule } from './moderation/moderation.module.js';
import { StatsModule } from './stats/stats.module.js';
import { ReaderModule } from './reader/reader.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { RulesAdminModule } from './rules/rules-admin.module.js';
import { SettingsModule } from './settings/settings.module.js';

/** The HTTP process. Produces jobs; never consumes them (no processor is imported here). */
@Module({
  imports: [
    ConfigModule,
    LifecycleModule,
    LoggingModule,
    DatabaseModule.forRoot(ENTITIES),
    QueueModule.forRoot('producer'),
    RedisModule,
    AuthModule,
    ArticlesModule,
    CommentsModule,
    ModerationModule,
    CampaignsModule,
    AuthorsModule,
    StatsModule,
    ReaderModule,
    ReportsModule,
    RulesAdminModule,
    SettingsModule,
    HealthModule,
    MetricsModule,
    OpsModule,
  ],
})
export class AppModule {}
