import { Module } from '@nestjs/common';
import { MaintenanceProcessor } from './maintenance.processor.js';
import { TriageProcessor } from './triage.processor.js';
import { TriageModule } from './triage.module.js';

/** The triage queue consumers. Imported only by WorkerModule, so the API process never consumes jobs. */
@Module({
  imports: [TriageModule],
  providers: [TriageProcessor, MaintenanceProcessor],
})
export class TriageWorkerModule {}
