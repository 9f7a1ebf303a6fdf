import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CampaignDecisionRequest, CampaignDecisionResponse, CampaignDetail, CampaignMember, CampaignRecord, CommentStatus, PassageRange } from '@sift/shared';
import { sharedPassage } from '@sift/triage-engine';
import { DataSource } from 'typeorm';
import { ModerationService } from '../moderation/moderation.service.js';

interface CampaignRow {
  id: string;
  size: number;
  authors: number;
  articles: number;
  first_seen: Date;
  last_seen: Date;
  author_names: string[];
  article_ids: string[];
  statuses: Partial<Record<CommentStatus, number>>;
  /** The first two members' texts (the sample, and what its passage is read against). */
  first_bodies: Array<{ id: string; body: string }>;
  decision: { action: 'approve' | 'hide'; reason: string | null; by: string | null; at: string } | null;
  total: number;
}

/**
 * Campaigns as stored by triage (`campaign_signatures.cluster_id`, 2+ members), with their members' statuses and
 * the latest whole-campaign decision (the newest audit event whose details name the campaign: undone when it is an
 * undo). `$1`/`$2` offset and limit, `$3` one campaign id or null for all.
 */
const CAMPAIGNS_SQL = `
  WITH g AS (
    SELECT s.cluster_id AS id, count(*)::int AS size, count(DISTINCT s.author_key)::int AS authors,
           count(DISTINCT s.article_id)::int AS articles, min(s.received_at) AS first_seen, max(s.received_at) AS last_seen
      FROM campaign_signatures s
     WHERE s.cluster_id IS NOT NULL AND ($3::uuid IS NULL OR s.cluster_id = $3::uuid)
     GROUP BY s.cluster_id HAVING count(*) >= 2)
  SELECT g.*, count(*) OVER ()::int AS total,
         (SELECT array_agg(n ORDER BY t) FROM (SELECT c.author_name AS n, min(c.received_at) AS t FROM campaign_signatures s JOIN comments c ON c.id = s.comment_id
                                                WHERE s.cluster_id = g.id GROUP BY c.author_name ORDER BY t LIMIT 10) x) AS author_names,
         (SELECT array_agg(e ORDER BY t) FROM (SELECT a.external_id AS e, min(s.received_at) AS t FROM campaign_signatures s JOIN articles a ON a.id = s.article_id
                                                WHERE s.cluster_id = g.id GROUP BY a.external_id ORDER BY t LIMIT 10) y) AS article_ids,
         (SELECT jsonb_object_agg(status, n) FROM (SELECT c.status, count(*)::int AS n FROM campaign_signatures s JOIN comments c ON c.id = s.comment_id
                                                    WHERE s.cluster_id = g.id GROUP BY c.status) z) AS statuses,
         (SELECT json_agg(json_build_object('id', f.id, 'body', f.body)) FROM (SELECT c.id, c.body FROM campaign_signatures s JOIN comments c ON c.id = s.comment_id
                                                    WHERE s.cluster_id = g.id ORDER BY s.received_at, c.id LIMIT 2) f) AS first_bodies,
         (SELECT CASE WHEN e.details ? 'undo' THEN NULL ELSE json_build_object('action', e.details->>'campaignAction', 'reason', e.reason, 'by', u.name, 'at', e.created_at) END
            FROM moderation_events e LEFT JOIN users u ON u.id = e.actor_user_id
           WHERE e.details->>'campaign' = g.id::text ORDER BY e.created_at DESC, e.id LIMIT 1) AS decision
    FROM g ORDER BY g.last_seen DESC, g.id OFFSET $1 LIMIT $2`;

const passage = (text: string, other: string | undefined): PassageRange => {
  const p = other === undefined ? null : sharedPassage(text, other);
  return p && { start: p.start, end: p.end };
};

function toRecord(r: CampaignRow): CampaignRecord {
  const [sample, next] = r.first_bodies;
  return {
    id: r.id,
    size: r.size,
    authors: r.authors,
    articles: r.articles,
    firstSeen: new Date(r.first_seen).toISOString(),
    lastSeen: new Date(r.last_seen).toISOString(),
    authorNames: r.author_names ?? [],
    articleIds: r.article_ids ?? [],
    statuses: r.statuses ?? {},
    sample: { id: sample.id, body: sample.body, passage: passage(sample.body, next?.body) },
    decision: r.decision && { ...r.decision, at: new Date(r.decision.at).toISOString() },
  };
}

/**
 * The Campaigns queue: list and read campaigns; decide every member at once through ModerationService's bulk
 * decision (one audit event per comment, `details.campaign` naming the campaign), and undo that.
 */
@Injectable()
export class CampaignsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moderation: ModerationService,
  ) {}

  async list(offset: number, limit: number): Promise<{ rows: CampaignRecord[]; total: number }> {
    const rows: CampaignRow[] = await this.dataSource.query(CAMPAIGNS_SQL, [offset, limit, null]);
    if (rows.length === 0 && offset > 0) {
      const [{ n }] = await this.dataSource.query(`SELECT count(DISTINCT cluster_id)::int AS n FROM campaign_signatures WHERE cluster_id IS NOT NULL`);
      return { rows: [], total: n };
    }
    return { rows: rows.map(toRecord), total: rows[0]?.total ?? 0 };
  }

  async detail(id: string): Promise<CampaignDetail> {
    const [row]: CampaignRow[] = await this.dataSource.query(CAMPAIGNS_SQL, [0, 1, id]);
    if (!row) throw new NotFoundException(`campaign ${id} not found`);
    const record = toRecord(row);
    const members = await this.members(id);
    return { ...record, members: members.map((m) => ({ ...m, passage: m.id === record.sample.id ? record.sample.passage : passage(m.body, record.sample.body) })) };
  }

  private async members(id: string): Promise<Array<Omit<CampaignMember, 'passage'>>> {
    const rows: Array<{ id: string; author_name: string; article_id: string; body: string; status: CommentStatus; version: number; received_at: Date }> = await this.dataSource.query(
      `SELECT c.id, c.author_name, a.external_id AS article_id, c.body, c.status, c.version, c.received_at
         FROM campaign_signatures s JOIN comments c ON c.id = s.comment_id JOIN articles a ON a.id = c.article_id
        WHERE s.cluster_id = $1 ORDER BY s.received_at, c.id`,
      [id],
    );
    return rows.map((r) => ({ id: r.id, authorName: r.author_name, articleId: r.article_id, body: r.body, status: r.status, version: r.version, receivedAt: new Date(r.received_at).toISOString() }));
  }

  /** One decision for every member as it is now; each is version-checked and audited on its own. */
  async decide(id: string, req: CampaignDecisionRequest, userId: string): Promise<CampaignDecisionResponse> {
    const members = await this.members(id);
    if (members.length < 2) throw new NotFoundException(`campaign ${id} not found`);
    const reason = req.reason ?? (req.action === 'hide' ? 'Campaign' : null);
    const res = await this.moderation.bulkDecide(
      { action: req.action, reason: reason ?? undefined, items: members.map((m) => ({ id: m.id, version: m.version })) },
      userId,
      { campaign: id, campaignAction: req.action, campaignSize: members.length },
    );
    const seen = new Map(members.map((m) => [m.id, m.version]));
    const changed = res.results.filter((r) => r.result === 'ok' && r.version !== seen.get(r.id)).length;
    return { id, action: req.action, changed, unchanged: members.length - changed };
  }

  /**
   * Puts back every member the campaign's latest decision moved and nobody has moved since: to the status it had
   * before, audited (`details.undo`). Members decided otherwise in between are left alone.
   */
  async undo(id: string, userId: string): Promise<CampaignDecisionResponse> {
    return this.dataSource.transaction(async (m) => {
      const rows: Array<{ id: string; version: number; status: CommentStatus; from_status: CommentStatus }> = await m.query(
        `SELECT c.id, c.version, c.status, last.from_status
           FROM campaign_signatures s JOIN comments c ON c.id = s.comment_id
           CROSS JOIN LATERAL (SELECT e.details, e.from_status, e.to_status FROM moderation_events e
                                WHERE e.comment_id = c.id AND e.to_status IS NOT NULL ORDER BY e.created_at DESC, e.id DESC LIMIT 1) last
          WHERE s.cluster_id = $1 AND last.details->>'campaign' = $1::text AND NOT last.details ? 'undo' AND last.to_status = c.status
          ORDER BY c.id FOR UPDATE OF c`,
        [id],
      );
      let changed = 0;
      for (const r of rows) {
        const moved = await this.moderation.transition(m, {
          commentId: r.id,
          expectedVersion: r.version,
          from: [r.status],
          to: r.from_status,
          actor: { type: 'user', userId },
          reason: 'Undo of the campaign decision',
          details: { campaign: id, undo: true },
        });
        if (moved) changed++;
      }
      const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM campaign_signatures WHERE cluster_id = $1`, [id]);
      if (n < 2) throw new NotFoundException(`campaign ${id} not found`);
      return { id, action: 'undo' as const, changed, unchanged: n - changed };
    });
  }
}
