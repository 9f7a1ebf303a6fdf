import { Module } from '@nestjs/common';
import { ConfigModule } from './core/config/config.module.js';
import { ENTITIES } from './data-source.js';
import { DatabaseModule } from './core/database/database.module.js';
import { LifecycleModule } from './core/lifecycle/lifecycle.module.js';
import { LoggingModule } from './core/logging/logging.module.js';
import { QueueModule } from './core/queue/queue.module.js';
import { RedisModule } from './core/redis/redis.module.js';
import { RuleJobsWorkerModule } from './rules/rule-jobs-worker.module.js';
import { TriageWorkerModule } from './triage/triage-worker.module.js';

/** The worker process: queue consumers only, no HTTP. */
@Module({
  imports: [ConfigModule, LifecycleModule, LoggingModule, DatabaseModule.forRoot(ENTITIES), QueueModule.forRoot('worker'), RedisModule, TriageWorkerModule, RuleJobsWorkerModule],
})
export class WorkerModule {}
