import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReportResponse } from '@sift/shared';
import { DataSource } from 'typeorm';
import { AuthorTokens } from '../comments/author-token.js';
import { ReportRateLimit } from '../comments/intake-rate-limit.js';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { authorKey, networkHash } from '../core/identity/author-identity.js';
import { ModerationService } from '../moderation/moderation.service.js';
import type { ReportDto } from './dto/report.dto.js';

/**
 * Reader reports (docs/reader.md, "Reports"). A reader is the publisher's signed-in reader (an author token), else
 * their network: each reports a comment once, and at most REPORT_LIMIT_PER_READER comments per window. Only a
 * published (approved) comment can be reported; it stays published and joins the moderators' Reported queue until
 * a moderator keeps it (approve again) or hides it. A report changes no status.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly authorTokens: AuthorTokens,
    private readonly limit: ReportRateLimit,
    private readonly moderation: ModerationService,
  ) {}

  async report(commentId: string, dto: ReportDto, meta: { ip: string | null }): Promise<ReportResponse> {
    const verified = dto.authorToken !== undefined ? this.authorTokens.verify(dto.authorToken) : null;
    const reporter = verified ? authorKey({ verified }) : `net:${meta.ip ? networkHash(meta.ip, this.config.auth.jwtSecret) : 'unknown'}`;
    // Every report a reader sends counts (stored or refused): the limit is what stops one reader flooding the queue.
    await this.limit.take(reporter);
    return this.dataSource.transaction(async (m) => {
      const [comment] = await m.query(`SELECT id, article_id FROM comments WHERE id = $1 AND status = 'approved' FOR SHARE`, [commentId]);
      // Not published (held, hidden) or unknown: the same answer, so a reader learns nothing about unpublished ones.
      if (!comment) throw new NotFoundException(`no published comment ${commentId}`);
      const inserted: Array<{ id: string }> = await m.query(
        `INSERT INTO comment_reports (comment_id, reporter_key, reason, note) VALUES ($1, $2, $3, $4)
         ON CONFLICT ON CONSTRAINT comment_reports_once DO NOTHING RETURNING id`,
        [commentId, reporter, dto.reason, dto.note || null],
      );
      if (inserted.length === 0) throw new ConflictException('You have already reported this comment.');
      const [open] = await m.query(`SELECT count(*)::int AS n FROM comment_reports WHERE comment_id = $1 AND resolved_at IS NULL`, [commentId]);
      await this.moderation.reported(m, { commentId, articleId: comment.article_id, reportId: inserted[0]!.id, reason: dto.reason, openReports: open.n });
      return { commentId, reported: true };
    });
  }
}
