import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SiteSettingsRecord, SiteSettingsSaveRequest } from '@sift/shared';
import { DataSource } from 'typeorm';

interface Row {
  auto_approve: boolean;
  pre_moderate: boolean;
  override_warn_rate: number;
  override_min_decided: number;
  session_idle_minutes: number;
  learned_auto_promote: boolean;
  version: number;
  updated_at: Date;
}

const toRecord = (r: Row): SiteSettingsRecord => ({
  autoApprove: r.auto_approve,
  preModerate: r.pre_moderate,
  overrideWarnRate: Math.round(Number(r.override_warn_rate) * 1000) / 1000,
  overrideMinDecided: r.override_min_decided,
  sessionIdleMinutes: r.session_idle_minutes,
  learnedAutoPromote: r.learned_auto_promote,
  version: r.version,
  updatedAt: new Date(r.updated_at).toISOString(),
});

/**
 * Site-wide moderation settings (one row), versioned like rules: every save bumps `version` and keeps the saved
 * values in `site_settings_versions`. The worker reads them with every comment, so a save applies to the next one.
 * Per-article pre-moderation stays on the article (`articles.pre_moderate`, set by the publisher).
 */
@Injectable()
export class SettingsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async get(): Promise<SiteSettingsRecord> {
    const [row]: Row[] = await this.ds.query(`SELECT * FROM site_settings WHERE id = 1`);
    return toRecord(row);
  }

  async update(req: SiteSettingsSaveRequest, userId: string): Promise<SiteSettingsRecord> {
    return this.ds.transaction(async (m) => {
      const [cur]: Row[] = await m.query(`SELECT * FROM site_settings WHERE id = 1 FOR UPDATE`);
      if (req.version !== undefined && req.version !== cur.version) {
        throw new ConflictException(`the settings were saved meanwhile (now version ${cur.version}, you edited version ${req.version}); reload`);
      }
      const next = {
        autoApprove: req.autoApprove ?? cur.auto_approve,
        preModerate: req.preModerate ?? cur.pre_moderate,
        overrideWarnRate: req.overrideWarnRate ?? Number(cur.override_warn_rate),
        overrideMinDecided: req.overrideMinDecided ?? cur.override_min_decided,
        sessionIdleMinutes: req.sessionIdleMinutes ?? cur.session_idle_minutes,
        learnedAutoPromote: req.learnedAutoPromote ?? cur.learned_auto_promote,
      };
      const before = toRecord(cur);
      if (
        next.autoApprove === before.autoApprove &&
        next.preModerate === before.preModerate &&
        Math.abs(next.overrideWarnRate - before.overrideWarnRate) < 1e-6 &&
        next.overrideMinDecided === before.overrideMinDecided &&
        next.sessionIdleMinutes === before.sessionIdleMinutes &&
        next.learnedAutoPromote === before.learnedAutoPromote
      ) {
        return before;
      }
      const [row]: Row[] = await m.query(
        `WITH u AS (UPDATE site_settings SET auto_approve = $1, pre_moderate = $2, override_warn_rate = $3, override_min_decided = $4,
                           session_idle_minutes = $5, learned_auto_promote = $6, version = version + 1, updated_at = now() WHERE id = 1 RETURNING *)
         SELECT * FROM u`,
        [next.autoApprove, next.preModerate, next.overrideWarnRate, next.overrideMinDecided, next.sessionIdleMinutes, next.learnedAutoPromote],
      );
      await m.query(`INSERT INTO site_settings_versions (settings_id, version, settings, created_by) VALUES (1, $1, $2::jsonb, $3)`, [
        row.version,
        JSON.stringify(next),
        userId,
      ]);
      return toRecord(row);
    });
  }

  async versions(): Promise<Array<{ version: number; settings: Record<string, unknown>; createdAt: string; createdBy: string | null }>> {
    const rows: Array<{ version: number; settings: Record<string, unknown>; created_at: Date; name: string | null }> = await this.ds.query(
      `SELECT v.version, v.settings, v.created_at, u.name FROM site_settings_versions v LEFT JOIN users u ON u.id = v.created_by
        ORDER BY v.version DESC LIMIT 100`,
    );
    return rows.map((r) => ({ version: r.version, settings: r.settings, createdAt: new Date(r.created_at).toISOString(), createdBy: r.name }));
  }
}
