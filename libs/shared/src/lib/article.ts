/** Body of `PUT /api/articles/:externalId` (publisher API key). */
export interface UpsertArticleRequest {
  title: string;
  subtitle?: string | null;
  body?: string | null;
  url?: string | null;
  author?: string | null;
  commentsOpen?: boolean;
  preModerate?: boolean;
}

export interface ArticleRecord {
  id: string;
  externalId: string;
  title: string;
  subtitle: string | null;
  body: string | null;
  url: string | null;
  author: string | null;
  commentsOpen: boolean;
  preModerate: boolean;
  createdAt: string;
  updatedAt: string;
}
