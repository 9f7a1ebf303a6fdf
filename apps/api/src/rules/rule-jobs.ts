import { NotFoundException } from '@nestjs/common';
import type { RuleJobStatus } from '@sift/shared';
import type { DataSource } from 'typeorm';

/** A `rule_jobs` row: one backtest or re-triage run, with its parameters, progress and result. */
export interface RuleJobRow<P = Record<string, unknown>, R = unknown> {
  id: string;
  kind: 'backtest' | 'retriage';
  rule_id: string | null;
  status: RuleJobStatus;
  progress: number;
  params: P;
  result: R | null;
  error: string | null;
  created_by: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

/**
 * Progress and cancellation of a run live in Postgres, so any API replica can show and cancel a run that any worker
 * executes: the worker checks the row between batches and stops when an admin cancelled it.
 */
export class RuleJobs {
  constructor(private readonly ds: DataSource) {}

  async get<P, R>(id: string, kind: RuleJobRow['kind']): Promise<RuleJobRow<P, R>> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundException(`${kind} ${id} not found`);
    const [row] = await this.ds.query(`SELECT * FROM rule_jobs WHERE id = $1 AND kind = $2`, [id, kind]);
    if (!row) throw new NotFoundException(`${kind} ${id} not found`);
    return row;
  }

  async create(kind: RuleJobRow['kind'], ruleId: string | null, params: unknown, userId: string | null): Promise<string> {
    const [row] = await this.ds.query(
      `INSERT INTO rule_jobs (kind, rule_id, params, created_by) VALUES ($1, $2, $3::jsonb, $4) RETURNING id`,
      [kind, ruleId, JSON.stringify(params), userId],
    );
    return row.id;
  }

  /** queued → running; false when the run was cancelled (or already ran). */
  async start(id: string): Promise<boolean> {
    const [row] = await this.ds.query(
      `WITH u AS (UPDATE rule_jobs SET status = 'running', started_at = now() WHERE id = $1 AND status = 'queued' RETURNING id)
       SELECT (SELECT count(*) FROM u)::int AS started`,
      [id],
    );
    return row.started > 0;
  }

  /** Record progress (0–100); answers false when the run has been cancelled meanwhile. */
  async progress(id: string, progress: number): Promise<boolean> {
    const [row] = await this.ds.query(
      `WITH u AS (UPDATE rule_jobs SET progress = $2 WHERE id = $1 AND status = 'running' RETURNING status)
       SELECT (SELECT count(*) FROM u)::int AS running`,
      [id, Math.max(0, Math.min(100, Math.floor(progress)))],
    );
    return row.running > 0;
  }

  async finish(id: string, result: unknown): Promise<void> {
    await this.ds.query(
      `UPDATE rule_jobs SET status = 'done', progress = 100, result = $2::jsonb, finished_at = now() WHERE id = $1 AND status = 'running'`,
      [id, JSON.stringify(result)],
    );
  }

  async fail(id: string, error: string): Promise<void> {
    await this.ds.query(
      `UPDATE rule_jobs SET status = 'failed', error = $2, finished_at = now() WHERE id = $1 AND status IN ('queued', 'running')`,
      [id, error],
    );
  }

  /** queued|running → cancelled; answers the row as it is afterwards. */
  async cancel<P, R>(id: string, kind: RuleJobRow['kind']): Promise<RuleJobRow<P, R>> {
    await this.get(id, kind);
    await this.ds.query(
      `UPDATE rule_jobs SET status = 'cancelled', finished_at = now() WHERE id = $1 AND status IN ('queued', 'running')`,
      [id],
    );
    return this.get(id, kind);
  }
}
