import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { reconciled } from '../core/metrics/metrics.js';
import { CampaignLookupService } from './campaign-lookup.service.js';
import { TriageQueue } from './triage.queue.js';

const BATCH = 1000;

/**
 * Nothing stays stuck: every `pending` comment older than the grace period that has no triage decision is
 * (re-)enqueued; campaign signatures older than their window are pruned. Runs as a repeatable job on the maintenance queue (see MaintenanceProcessor).
 */
@Injectable()
export class ReconcilerService {
  private readonly logger = new Logger(ReconcilerService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly triageQueue: TriageQueue,
    private readonly campaigns: CampaignLookupService,
  ) {}

  async reconcile(): Promise<{ enqueued: number; found: number; pruned: number }> {
    // Campaign signatures older than their window go with each run (an indexed range delete).
    const pruned = await this.campaigns.prune();
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT c.id FROM comments c
        WHERE c.status = 'pending'
          AND c.received_at < now() - make_interval(secs => $1)
          AND NOT EXISTS (SELECT 1 FROM triage_decisions d WHERE d.comment_id = c.id)
        ORDER BY c.received_at
        LIMIT ${BATCH}`,
      [this.config.triage.reconcileGraceSeconds],
    );
    let enqueued = 0;
    for (const { id } of rows) if (await this.triageQueue.enqueue(id, { retryFailed: true })) enqueued++;
    reconciled.inc(enqueued);
    if (rows.length > 0) this.logger.log(`reconciler: ${rows.length} untriaged comments found, ${enqueued} enqueued`);
    return { enqueued, found: rows.length, pruned };
  }
}
