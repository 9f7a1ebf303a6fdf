import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@sift/shared';
import { request } from 'node:http';
import { DataSource } from 'typeorm';
import { UsersService } from '../../src/auth/users.service.js';
import { createHttpApp } from '../../src/http-app.js';
import { WorkerModule } from '../../src/worker.module.js';
import { resetDatabase } from './reset-database.js';
import { PUBLISHER_KEY } from './test-env.js';

/**
 * Real: the HTTP app exactly as main.ts builds it (Fastify, listening on a free port, called with fetch), and the
 * worker as worker.ts builds it (consuming the real BullMQ queues). Nothing is mocked.
 */
export interface Api {
  app: NestFastifyApplication;
  url: string;
  ds: DataSource;
  close(): Promise<void>;
}

export async function startApi(): Promise<Api> {
  const app = await createHttpApp({ logger: false });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, ds: app.get(DataSource), close: () => app.close() };
}

export async function startWorker(): Promise<INestApplicationContext> {
  const ctx = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
  await ctx.init();
  return ctx;
}

/**
 * The usual spec set-up: the API (and the worker, when asked) started once for the file and closed after it, the
 * database reset before each test. `api` can be used at once; it resolves to the running app inside tests.
 */
export function useStack(opts: { worker?: boolean } = {}): { api: Api; worker: () => INestApplicationContext } {
  let real: Api | undefined;
  let ctx: INestApplicationContext | undefined;
  const need = (): Api => {
    if (!real) throw new Error('useStack: the API starts in beforeAll');
    return real;
  };
  beforeAll(async () => {
    real = await startApi();
    if (opts.worker) ctx = await startWorker();
  });
  afterAll(async () => {
    await ctx?.close();
    await real?.close();
  });
  beforeEach(() => resetDatabase(need().ds));
  const api: Api = {
    get app() {
      return need().app;
    },
    get url() {
      return need().url;
    },
    get ds() {
      return need().ds;
    },
    close: () => need().close(),
  };
  const worker = () => {
    if (!ctx) throw new Error('useStack: started without { worker: true }');
    return ctx;
  };
  return { api, worker };
}

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export async function http<T = unknown>(
  url: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpResult<T>> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

export async function putArticle(api: Api, externalId: string, article: Record<string, unknown> = {}) {
  return http(`${api.url}/api/articles/${externalId}`, 'PUT', { title: 'City council passes budget', body: 'The council voted on the new budget for schools and roads.', ...article }, { 'x-api-key': PUBLISHER_KEY });
}

export async function postComment(
  api: Api,
  externalId: string,
  comment: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  return http<{ id: string; status: string }>(`${api.url}/api/articles/${externalId}/comments`, 'POST', { authorName: 'Reader', ...comment }, headers);
}

/** Creates a user and logs in through the API; returns the bearer header. */
export async function loginAs(api: Api, role: Role, email = `${role}@test.local`): Promise<Record<string, string>> {
  const password = 'correct horse battery staple';
  await api.app.get(UsersService).create({ email, name: `${role} user`, password, role });
  const res = await http<{ accessToken: string }>(`${api.url}/api/auth/login`, 'POST', { email, password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { authorization: `Bearer ${res.body.accessToken}` };
}

/** Polls until `check` returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 10000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function decisionCount(ds: DataSource, commentId: string): Promise<number> {
  const [row] = await ds.query('SELECT count(*)::int AS n FROM triage_decisions WHERE comment_id = $1', [commentId]);
  return row.n;
}

/**
 * A signed author token as a publisher mints one (docs/reader.md): HS256 with the publisher "test"'s secret from
 * AUTHOR_TOKEN_SECRETS (test/global-setup.ts), `kid` naming it, claims sub, name, exp.
 */
export function authorToken(
  id: string,
  name = `Reader ${id}`,
  opts: { expiresInSeconds?: number; secret?: string; kid?: string; claims?: Record<string, unknown> } = {},
): string {
  const secret = opts.secret ?? /^test:(.+)$/.exec(process.env.AUTHOR_TOKEN_SECRETS ?? '')?.[1];
  if (!secret) throw new Error('AUTHOR_TOKEN_SECRETS has no secret for the publisher "test"');
  const payload = { sub: id, name, exp: Math.floor(Date.now() / 1000) + (opts.expiresInSeconds ?? 600), ...opts.claims };
  return new JwtService().sign(payload, { secret, algorithm: 'HS256', keyid: opts.kid ?? 'test' });
}

/** A JSON POST from a chosen loopback source address (any 127/8 address is loopback): a reader on another network. */
export function postFrom(from: string, url: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = request(
      { host: u.hostname, port: u.port, path: u.pathname, method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.on('data', (b) => (text += b));
        res.on('end', () => {
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, headers: new Headers(res.headers as Record<string, string>) });
        });
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}
