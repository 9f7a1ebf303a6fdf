export * from './lib/comment.js';
export * from './lib/article.js';
export * from './lib/rule.js';
export * from './lib/auth.js';
export * from './lib/health.js';
export * from './lib/reader.js';
export * from './lib/moderation.js';
export * from './lib/rules-admin.js';
