import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  type OnApplicationBootstrap,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReaderIntakeResponse, SuspendedBody } from '@sift/shared';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../core/config/config.js';
import { prepared, queryPrepared, warmConnections } from '../core/database/prepared.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { ModerationService } from '../moderation/moderation.service.js';
import { intakeComments, intakeEnqueueFailures } from '../core/metrics/metrics.js';
import { hashReaderToken, issueReaderToken, newReaderToken } from '../reader/reader-token.js';
import { TriageQueue } from '../triage/triage.queue.js';
import { CommentEntity } from '../moderation/comment.entity.js';
import { authorKey, identityName, networkHash } from '../core/identity/author-identity.js';
import { AuthorTokens } from './author-token.js';
import type { CreateCommentDto } from './dto/create-comment.dto.js';
import { AuthorRateLimit } from './intake-rate-limit.js';

/**
 * Intake in one statement, so one round trip and atomic without BEGIN/COMMIT: find the article, check the parent,
 * insert the comment (nothing on an Idempotency-Key replay), its "received" audit event and the reader's token hash.
 */
const INTAKE = prepared(
  'comments_intake',
  `WITH a AS (SELECT id, comments_open FROM articles WHERE external_id = $1),
        s AS (SELECT suspended_until, suspension_message FROM authors WHERE key = $5 AND suspended_until > now()),
        p AS (SELECT $2::uuid IS NULL OR EXISTS (SELECT 1 FROM comments, a WHERE comments.id = $2::uuid AND comments.article_id = a.id) AS ok),
        c AS (
          INSERT INTO comments (article_id, parent_id, author_name, author_id, author_key, author_role, title, body,
                                status, idempotency_key, ip_hash)
          SELECT a.id, $2::uuid, $3, $4, $5, 'reader', $6, $7, 'pending', $8, $9 FROM a, p WHERE a.comments_open AND p.ok AND NOT EXISTS (SELECT 1 FROM s)
          ON CONFLICT (article_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
          RETURNING id),
        e AS (INSERT INTO moderation_events (comment_id, to_status, actor_type, reason)
              SELECT id, 'pending', 'system', 'received' FROM c),
        t AS (INSERT INTO reader_tokens (token_hash, comment_id) SELECT $10, id FROM c)
   SELECT a.id AS article_id, a.comments_open, p.ok AS parent_ok, (SELECT id FROM c) AS id,
          (SELECT suspended_until FROM s) AS suspended_until, (SELECT suspension_message FROM s) AS suspension_message FROM a, p`,
);

/** 403 for a suspended author: when they may post again (UTC in the message, ISO in `suspendedUntil`) and the moderators' words. */
function suspended(until: Date, message: string): ForbiddenException {
  const when = `${until.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const body: SuspendedBody = {
    statusCode: 403,
    error: 'Forbidden',
    message: `You cannot post comments until ${when}. The moderators say: ${message}`,
    suspendedUntil: until.toISOString(),
    suspensionMessage: message,
  };
  return new ForbiddenException(body);
}

/**
 * Intake: persist first (202 only once the row and its audit event are committed), then enqueue; Redis being down
 * never loses a comment (the reconciler enqueues it later).
 */
@Injectable()
export class CommentsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CommentsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moderation: ModerationService,
    private readonly triageQueue: TriageQueue,
    private readonly authorTokens: AuthorTokens,
    private readonly authorLimit: AuthorRateLimit,
  ) {}

  /**
   * Before the API listens: open the pool's connections with the intake statement prepared on each (for the article
   * id '', which no article can have, so it inserts nothing), so that a burst right after a start or a deploy finds
   * them ready instead of opening connections and planning under load. A failure (Postgres not up yet) only logs:
   * intake answers 503 until Postgres is back, as it would anyway.
   */
  async onApplicationBootstrap(): Promise<void> {
    try {
      const n = await warmConnections(this.dataSource, this.config.database.poolSize, [[INTAKE, ['', null, '', null, '', null, '', null, null, '']]]);
      this.logger.log(`${n} database connections ready for intake`);
    } catch (err) {
      this.logger.warn(`intake warm-up failed (${(err as Error).message}); connections open on demand`);
    }
  }

  async submit(
    externalId: string,
    dto: CreateCommentDto,
    meta: { idempotencyKey: string | null; ip: string | null; requestId?: string },
  ): Promise<ReaderIntakeResponse> {
    const ipHash = meta.ip ? networkHash(meta.ip, this.config.auth.jwtSecret) : null;
    // Who the author is (docs/reader.md, "Who an author is"): the publisher's signed-in reader when it sent a signed
    // author token; else a name from an address (two readers behind one office NAT are two authors; one reader's
    // flood from one address is also caught by the per-IP rate limit). Trust, blocks and history attach to this key.
    const verified = dto.authorToken !== undefined ? this.authorTokens.verify(dto.authorToken) : null;
    const authorName = verified ? verified.name : dto.authorName;
    if (!verified && identityName(authorName) === '') {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'authorName: must contain a visible character',
        fields: { authorName: ['must contain a visible character'] },
      });
    }
    const key = verified ? authorKey({ verified }) : authorKey({ ipHash, name: authorName });
    const readerToken = newReaderToken();

    // The per-author limit counts accepted comments only: a place is taken now and given back unless one is stored.
    const place = await this.authorLimit.take(key);
    let accepted = false;
    try {
      const result = await this.insert(externalId, dto, { ...meta, ipHash, authorName, authorId: verified?.id ?? null, key, readerToken });
      accepted = result.accepted;
      return result.response;
    } finally {
      if (!accepted) await place.giveBack();
    }
  }

  private async insert(
    externalId: string,
    dto: CreateCommentDto,
    m: { idempotencyKey: string | null; requestId?: string; ipHash: string | null; authorName: string; authorId: string | null; key: string; readerToken: string },
  ): Promise<{ accepted: boolean; response: ReaderIntakeResponse }> {
    const { idempotencyKey: key, readerToken } = m;
    const [row] = await queryPrepared<{
      article_id: string;
      comments_open: boolean;
      parent_ok: boolean;
      id: string | null;
      suspended_until: Date | null;
      suspension_message: string | null;
    }>(
      this.dataSource,
      INTAKE,
      [
          externalId,
          dto.parentId ?? null,
          m.authorName,
          m.authorId,
          m.key,
          dto.title || null,
          dto.body,
          key,
          m.ipHash,
          hashReaderToken(readerToken),
        ],
      );
    if (!row) throw new NotFoundException(`article "${externalId}" not found`);
    if (row.suspended_until) throw suspended(row.suspended_until, row.suspension_message ?? '');
    if (!row.comments_open) throw new ConflictException(`comments on article "${externalId}" are closed`);
    if (!row.parent_ok) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'parentId: no such comment on this article',
        fields: { parentId: ['no such comment on this article'] },
      });
    }
    if (row.id === null) {
      intakeComments.inc({ result: 'replayed' });
      return { accepted: false, response: await this.replay(row.article_id, dto, m.authorName, key as string) };
    }

    intakeComments.inc({ result: 'accepted' });
    this.moderation.announceReceived(row.id, row.article_id);
    if (!(await this.triageQueue.enqueue(row.id, { requestId: m.requestId }))) intakeEnqueueFailures.inc();
    return { accepted: true, response: { id: row.id, status: 'pending', readerToken } };
  }

  /**
   * A retried POST with the same Idempotency-Key: the first comment, not a second one. The first token cannot be
   * recovered from its hash, so the retry gets a fresh token for the same comment (the first one stays valid).
   */
  private async replay(articleId: string, dto: CreateCommentDto, authorName: string, key: string): Promise<ReaderIntakeResponse> {
    const first = await this.dataSource
      .getRepository(CommentEntity)
      .findOneByOrFail({ articleId, idempotencyKey: key });
    const same =
      first.body === dto.body &&
      first.authorName === authorName &&
      (first.title ?? null) === (dto.title || null) &&
      (first.parentId ?? null) === (dto.parentId ?? null);
    if (!same) {
      throw new UnprocessableEntityException('Idempotency-Key was already used for a different comment');
    }
    const readerToken = await issueReaderToken(this.dataSource.manager, first.id);
    return { id: first.id, status: first.status, readerToken };
  }
}
