import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CampaignActionKind,
  CampaignActionRecord,
  CampaignDecisionRequest,
  CampaignDecisionResponse,
  CampaignDetail,
  CampaignMember,
  CampaignRecord,
  CampaignSuspensionRequest,
  CommentStatus,
  PassageRange,
} from '@sift/shared';
import { sharedPassage } from '@sift/triage-engine';
import { DataSource, type EntityManager } from 'typeorm';
import { AuthorsService, type SuspensionBefore } from '../authors/authors.service.js';
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
  suspension: CampaignRecord['suspension'];
  keep_hiding: CampaignRecord['keepHiding'];
  total: number;
}

/** `campaign_actions.details` of a `suspend`: what was asked, its end, and each author's suspension before. */
interface SuspendDetails {
  hours: number;
  message: string;
  until: string;
  authors: SuspensionBefore[];
}

/**
 * Campaigns as stored by triage (`campaign_signatures.cluster_id`, 2+ members), with their members' statuses, the
 * latest whole-campaign decision (the newest moderator's audit event whose details name the campaign: undone when it
 * is an undo; the rules' "keep hiding" events are not decisions), its authors' suspension while in force (the latest
 * suspend action, unless undone) and "keep hiding". `$1`/`$2` offset and limit, `$3` one campaign id or null for all.
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
           WHERE e.details->>'campaign' = g.id::text AND e.actor_type = 'user' ORDER BY e.created_at DESC, e.id LIMIT 1) AS decision,
         (SELECT CASE WHEN a.kind = 'suspend' AND (a.details->>'until')::timestamptz > now() THEN json_build_object(
                   'until', a.details->>'until', 'hours', (a.details->>'hours')::int, 'message', a.details->>'message',
                   'authors', jsonb_array_length(a.details->'authors'), 'by', u.name, 'at', a.created_at) END
            FROM campaign_actions a LEFT JOIN users u ON u.id = a.actor_user_id
           WHERE a.campaign_id = g.id AND a.kind IN ('suspend', 'suspend-undo') ORDER BY a.created_at DESC, a.id LIMIT 1) AS suspension,
         (SELECT json_build_object('reason', k.reason, 'by', u.name, 'at', k.set_at)
            FROM campaign_keep_hiding k LEFT JOIN users u ON u.id = k.set_by WHERE k.campaign_id = g.id) AS keep_hiding
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
    suspension: r.suspension && { ...r.suspension, until: new Date(r.suspension.until).toISOString(), at: new Date(r.suspension.at).toISOString() },
    keepHiding: r.keep_hiding && { ...r.keep_hiding, at: new Date(r.keep_hiding.at).toISOString() },
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A whole-campaign action in words, for its page. */
function actionSummary(kind: CampaignActionKind, d: Record<string, unknown>): string {
  switch (kind) {
    case 'suspend': {
      const s = d as unknown as SuspendDetails;
      const hours = s.hours % 24 === 0 ? plural(s.hours / 24, 'day') : plural(s.hours, 'hour');
      return `${plural(s.authors.length, 'author')} suspended for ${hours}: “${s.message}”`;
    }
    case 'suspend-undo':
      return `suspension undone: ${plural(Number(d.restored ?? 0), 'author')} put back as they were${Number(d.left ?? 0) ? ` (${d.left} changed since, left alone)` : ''}`;
    case 'keep-hiding-on':
      return `keep hiding switched on${d.reason ? ` (${d.reason})` : ''}`;
    case 'keep-hiding-off':
      return `keep hiding switched off${d.because === 'approve' ? ' by approving the campaign' : d.because === 'undo' ? ' by undoing the hide' : ''}`;
  }
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
    private readonly authors: AuthorsService,
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
    const actions: Array<{ kind: CampaignActionKind; by: string | null; at: Date; details: Record<string, unknown> }> = await this.dataSource.query(
      `SELECT a.kind, u.name AS by, a.created_at AS at, a.details FROM campaign_actions a LEFT JOIN users u ON u.id = a.actor_user_id
        WHERE a.campaign_id = $1 ORDER BY a.created_at, a.id`,
      [id],
    );
    return {
      ...record,
      members: members.map((m) => ({ ...m, passage: m.id === record.sample.id ? record.sample.passage : passage(m.body, record.sample.body) })),
      actions: actions.map((a): CampaignActionRecord => ({ kind: a.kind, by: a.by, at: new Date(a.at).toISOString(), summary: actionSummary(a.kind, a.details) })),
    };
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
    if (req.action === 'approve') await this.dataSource.transaction((m) => this.keepOff(m, id, userId, 'approve'));
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
      await this.keepOff(m, id, userId, 'undo');
      return { id, action: 'undo' as const, changed, unchanged: n - changed };
    });
  }

  /** The campaign's authors (distinct author keys) with the name each used last; 404 when it is no campaign. */
  private async authorsOf(m: EntityManager, id: string): Promise<Array<{ key: string; name: string }>> {
    const rows: Array<{ key: string; name: string; size: number }> = await m.query(
      `SELECT s.author_key AS key, (array_agg(s.author_name ORDER BY s.received_at DESC))[1] AS name, sum(count(*)) OVER ()::int AS size
         FROM campaign_signatures s WHERE s.cluster_id = $1 GROUP BY s.author_key ORDER BY s.author_key`,
      [id],
    );
    if ((rows[0]?.size ?? 0) < 2) throw new NotFoundException(`campaign ${id} not found`);
    return rows.map(({ key, name }) => ({ key, name }));
  }

  private async record(m: EntityManager, id: string, kind: CampaignActionKind, userId: string, details: object): Promise<void> {
    await m.query(`INSERT INTO campaign_actions (campaign_id, kind, actor_user_id, details) VALUES ($1, $2, $3, $4)`, [id, kind, userId, JSON.stringify(details)]);
  }

  /**
   * "Suspend all its authors": every author of the campaign suspended alike through AuthorsService (intake refuses
   * them until then, with the message), audited as one `suspend` action that keeps each author's suspension before.
   */
  async suspend(id: string, req: CampaignSuspensionRequest, userId: string): Promise<CampaignDetail> {
    await this.dataSource.transaction(async (m) => {
      // One campaign action at a time (two moderators at once would record each other's "before").
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('campaign:' || $1))`, [id]);
      const authors = await this.authorsOf(m, id);
      const { until, before } = await this.authors.suspendAll(m, authors, req, userId);
      await this.record(m, id, 'suspend', userId, { hours: req.hours, message: req.message, until, authors: before } satisfies SuspendDetails);
    });
    return this.detail(id);
  }

  /**
   * Undo the campaign's latest suspension (409 when there is none to undo): each author still suspended by it gets
   * their suspension before back (none, or an earlier one); one suspended or lifted since is left alone.
   */
  async unsuspend(id: string, userId: string): Promise<CampaignDetail> {
    await this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('campaign:' || $1))`, [id]);
      await this.authorsOf(m, id);
      const [last]: Array<{ kind: CampaignActionKind; details: SuspendDetails }> = await m.query(
        `SELECT kind, details FROM campaign_actions WHERE campaign_id = $1 AND kind IN ('suspend', 'suspend-undo') ORDER BY created_at DESC, id DESC LIMIT 1`,
        [id],
      );
      if (last?.kind !== 'suspend') throw new ConflictException(`campaign ${id} has no suspension of its authors to undo`);
      const restored = await this.authors.restoreSuspensions(m, last.details.until, last.details.authors, userId);
      await this.record(m, id, 'suspend-undo', userId, { restored: restored.length, left: last.details.authors.length - restored.length, keys: restored });
    });
    return this.detail(id);
  }

  /**
   * "Keep hiding this campaign": while on, a comment that joins the campaign is hidden by the worker (TriageService,
   * an audit event by the rules naming the campaign) with the reason of the hide. Only after a hide that stands (409
   * otherwise); approving or undoing the campaign switches it off.
   */
  async keepHiding(id: string, on: boolean, userId: string): Promise<CampaignDetail> {
    await this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('campaign:' || $1))`, [id]);
      await this.authorsOf(m, id);
      if (!on) return this.keepOff(m, id, userId);
      const [row]: CampaignRow[] = await m.query(CAMPAIGNS_SQL, [0, 1, id]);
      if (row?.decision?.action !== 'hide') throw new ConflictException(`campaign ${id} is not hidden: hide it first, then keep hiding it`);
      if (row.keep_hiding) return;
      await m.query(`INSERT INTO campaign_keep_hiding (campaign_id, reason, set_by) VALUES ($1, $2, $3)`, [id, row.decision.reason, userId]);
      await this.record(m, id, 'keep-hiding-on', userId, { reason: row.decision.reason });
    });
    return this.detail(id);
  }

  private async keepOff(m: EntityManager, id: string, userId: string, because?: 'approve' | 'undo'): Promise<void> {
    const [{ n }]: Array<{ n: number }> = await m.query(
      `WITH d AS (DELETE FROM campaign_keep_hiding WHERE campaign_id = $1 RETURNING 1) SELECT count(*)::int AS n FROM d`,
      [id],
    );
    if (n > 0) await this.record(m, id, 'keep-hiding-off', userId, because ? { because } : {});
  }
}
