import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ArticleRecord } from '@sift/shared';
import { DataSource } from 'typeorm';
import { ArticleEntity } from './article.entity.js';
import type { UpsertArticleDto } from './dto/upsert-article.dto.js';

@Injectable()
export class ArticlesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Insert or update by the publisher's id. Fields left out keep their value (on create: their default). */
  async upsert(externalId: string, dto: UpsertArticleDto): Promise<{ article: ArticleRecord; created: boolean }> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `INSERT INTO articles AS a (external_id, title, subtitle, body, url, author, comments_open, pre_moderate)
       VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7, true), COALESCE($8, false))
       ON CONFLICT (external_id) DO UPDATE SET
         title = EXCLUDED.title,
         subtitle = CASE WHEN $9 THEN EXCLUDED.subtitle ELSE a.subtitle END,
         body = CASE WHEN $10 THEN EXCLUDED.body ELSE a.body END,
         url = CASE WHEN $11 THEN EXCLUDED.url ELSE a.url END,
         author = CASE WHEN $12 THEN EXCLUDED.author ELSE a.author END,
         comments_open = COALESCE($7, a.comments_open),
         pre_moderate = COALESCE($8, a.pre_moderate),
         updated_at = now()
       RETURNING *, (xmax = 0) AS created`,
      [
        externalId,
        dto.title,
        dto.subtitle ?? null,
        dto.body ?? null,
        dto.url ?? null,
        dto.author ?? null,
        dto.commentsOpen ?? null,
        dto.preModerate ?? null,
        dto.subtitle !== undefined,
        dto.body !== undefined,
        dto.url !== undefined,
        dto.author !== undefined,
      ],
    );
    const r = rows[0];
    return { article: toArticleRecord(r), created: r.created === true };
  }

  async findByExternalId(externalId: string): Promise<ArticleEntity | null> {
    return this.dataSource.getRepository(ArticleEntity).findOneBy({ externalId });
  }
}

function toArticleRecord(r: Record<string, unknown>): ArticleRecord {
  return {
    id: r.id as string,
    externalId: r.external_id as string,
    title: r.title as string,
    subtitle: (r.subtitle as string | null) ?? null,
    body: (r.body as string | null) ?? null,
    url: (r.url as string | null) ?? null,
    author: (r.author as string | null) ?? null,
    commentsOpen: r.comments_open as boolean,
    preModerate: r.pre_moderate as boolean,
    createdAt: (r.created_at as Date).toISOString(),
    updatedAt: (r.updated_at as Date).toISOString(),
  };
}
