import { Module } from '@nestjs/common';
import { RuleJobsModule } from './rule-jobs.module.js';
import { RuleJobsProcessor } from './rule-jobs.processor.js';

/** The rules feature's queue consumer. Imported only by WorkerModule, so the API process never consumes jobs. */
@Module({
  imports: [RuleJobsModule],
  providers: [RuleJobsProcessor],
})
export class RuleJobsWorkerModule {}
