import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReaderIntakeResponse } from '@sift/shared';
import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ArticleEntity } from '../articles/article.entity.js';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { ModerationService } from '../moderation/moderation.service.js';
import { issueReaderToken } from '../reader/reader-token.js';
import { TriageQueue } from '../triage/triage.queue.js';
import { CommentEntity } from './comment.entity.js';
import type { CreateCommentDto } from './dto/create-comment.dto.js';

/** Intake: persist first (202 only after commit), then enqueue; Redis being down never loses a comment. */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moderation: ModerationService,
    private readonly triageQueue: TriageQueue,
  ) {}

  async submit(
    externalId: string,
    dto: CreateCommentDto,
    meta: { idempotencyKey: string | null; ip: string | null },
  ): Promise<ReaderIntakeResponse> {
    const article = await this.dataSource.getRepository(ArticleEntity).findOneBy({ externalId });
    if (!article) throw new NotFoundException(`article "${externalId}" not found`);
    if (!article.commentsOpen) throw new ConflictException(`comments on article "${externalId}" are closed`);

    const ipHash = meta.ip ? this.hashIp(meta.ip) : null;
    // An author is the publisher's author id when it sends one; else a name from an address (two readers behind one
    // office NAT are two authors; one reader's flood from one address is also caught by the per-IP rate limit).
    const name = dto.authorName.toLowerCase();
    const authorKey = dto.authorId ? `id:${dto.authorId}` : ipHash ? `ip:${ipHash}:${name}` : `name:${name}`;
    const created = await this.dataSource.transaction(async (m) => {
      if (dto.parentId) {
        const parent = await m.findOne(CommentEntity, { where: { id: dto.parentId }, select: { id: true, articleId: true } });
        if (!parent || parent.articleId !== article.id) {
          throw new BadRequestException({
            statusCode: 400,
            error: 'Bad Request',
            message: 'parentId: no such comment on this article',
            fields: { parentId: ['no such comment on this article'] },
          });
        }
      }
      const result = await m
        .createQueryBuilder()
        .insert()
        .into(CommentEntity)
        .values({
          articleId: article.id,
          parentId: dto.parentId ?? null,
          authorName: dto.authorName,
          authorId: dto.authorId ?? null,
          authorKey,
          authorRole: 'reader',
          title: dto.title || null,
          body: dto.body,
          status: 'pending',
          idempotencyKey: meta.idempotencyKey,
          ipHash,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      const id = (result.raw as Array<{ id: string }>)[0]?.id;
      if (!id) return null;
      await this.moderation.record(m, id, {
        fromStatus: null,
        toStatus: 'pending',
        actor: { type: 'system' },
        reason: 'received',
      });
      // The author's private token for following their own comment (docs/reader.md); only its hash is stored.
      return { id, readerToken: await issueReaderToken(m, id) };
    });

    if (created === null) return this.replay(article.id, dto, meta.idempotencyKey as string);
    await this.triageQueue.enqueue(created.id);
    return { id: created.id, status: 'pending', readerToken: created.readerToken };
  }

  /**
   * A retried POST with the same Idempotency-Key: the first comment, not a second one. The first token cannot be
   * recovered from its hash, so the retry gets a fresh token for the same comment (the first one stays valid).
   */
  private async replay(articleId: string, dto: CreateCommentDto, key: string): Promise<ReaderIntakeResponse> {
    const first = await this.dataSource
      .getRepository(CommentEntity)
      .findOneByOrFail({ articleId, idempotencyKey: key });
    const same =
      first.body === dto.body &&
      first.authorName === dto.authorName &&
      (first.title ?? null) === (dto.title || null) &&
      (first.parentId ?? null) === (dto.parentId ?? null);
    if (!same) {
      throw new UnprocessableEntityException('Idempotency-Key was already used for a different comment');
    }
    const readerToken = await issueReaderToken(this.dataSource.manager, first.id);
    return { id: first.id, status: first.status, readerToken };
  }

  private hashIp(ip: string): string {
    return createHmac('sha256', this.config.auth.jwtSecret).update(ip).digest('base64url').slice(0, 22);
  }
}
