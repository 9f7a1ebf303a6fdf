import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HomeStats, QueueCounts } from '@sift/shared';
import { DataSource } from 'typeorm';

/** Numbers for the dashboard's Home: queue sizes, comments per hour and moderators' time-to-decision (24 h). */
@Injectable()
export class StatsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async home(now = new Date()): Promise<HomeStats> {
    const [countRows, [reported], hourRows, overall] = await Promise.all([
      this.dataSource.query(`SELECT status, count(*)::int AS n FROM comments GROUP BY status`),
      // The Reported queue (not a status): approved comments with open reader reports.
      this.dataSource.query(
        `SELECT count(DISTINCT r.comment_id)::int AS n FROM comment_reports r JOIN comments c ON c.id = r.comment_id
          WHERE r.resolved_at IS NULL AND c.status = 'approved'`,
      ),
      this.dataSource.query(
        `WITH hours AS (
           SELECT generate_series(date_trunc('hour', $1::timestamptz) - interval '23 hours', date_trunc('hour', $1::timestamptz), interval '1 hour') AS hour
         ),
         received AS (
           SELECT date_trunc('hour', c.received_at) AS hour, count(*)::int AS received,
                  count(*) FILTER (WHERE d.outcome_status = 'flagged')::int AS flagged
             FROM comments c LEFT JOIN triage_decisions d ON d.comment_id = c.id
            WHERE c.received_at > date_trunc('hour', $1::timestamptz) - interval '23 hours' AND c.author_role = 'reader'
            GROUP BY 1
         ),
         decided AS (
           SELECT date_trunc('hour', e.created_at) AS hour, count(*)::int AS decided,
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.created_at - c.received_at)) AS median
             FROM moderation_events e JOIN comments c ON c.id = e.comment_id
            WHERE e.actor_type = 'user' AND e.to_status IS NOT NULL AND e.from_status IS NOT NULL
              AND e.created_at > date_trunc('hour', $1::timestamptz) - interval '23 hours'
            GROUP BY 1
         )
         SELECT h.hour, COALESCE(r.received, 0) AS received, COALESCE(r.flagged, 0) AS flagged,
                COALESCE(d.decided, 0) AS decided, d.median
           FROM hours h LEFT JOIN received r ON r.hour = h.hour LEFT JOIN decided d ON d.hour = h.hour
          ORDER BY h.hour`,
        [now.toISOString()],
      ),
      this.dataSource.query(
        `SELECT count(*)::int AS n,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.created_at - c.received_at)) AS median
           FROM moderation_events e JOIN comments c ON c.id = e.comment_id
          WHERE e.actor_type = 'user' AND e.to_status IS NOT NULL AND e.from_status IS NOT NULL
            AND e.created_at > $1::timestamptz - interval '24 hours'`,
        [now.toISOString()],
      ),
    ]);
    const counts: QueueCounts = { flagged: 0, reported: reported.n as number, pending: 0, approved: 0, hidden: 0, all: 0 };
    for (const r of countRows as Array<{ status: keyof QueueCounts; n: number }>) {
      counts[r.status] = r.n;
      counts.all += r.n;
    }
    const round = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);
    return {
      counts,
      perHour: (hourRows as Array<Record<string, unknown>>).map((r) => ({
        hour: (r.hour as Date).toISOString(),
        received: Number(r.received),
        flagged: Number(r.flagged),
        decided: Number(r.decided),
        medianDecisionSeconds: round(r.median),
      })),
      medianDecisionSeconds: round(overall[0]?.median),
      decisions24h: overall[0]?.n ?? 0,
    };
  }
}
