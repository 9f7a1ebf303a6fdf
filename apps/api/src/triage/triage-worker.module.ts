import { Module } from '@nestjs/common';
import { MaintenanceProcessor } from './maintenance.processor.js';
import { TriageProcessor } from './triage.processor.js';
import { RuleJobsModule } from '../rules/rule-jobs.module.js';
import { TriageModule } from './triage.module.js';

/** The queue consumers. Imported only by WorkerModule, so the API process never consumes jobs. */
@Module({
  imports: [TriageModule, RuleJobsModule],
  providers: [TriageProcessor, MaintenanceProcessor],
})
export class TriageWorkerModule {}
