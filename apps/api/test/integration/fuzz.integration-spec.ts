import fc from 'fast-check';
import { type Api, http, loginAs, postComment, putArticle, startApi } from '../utils/harness.js';
import { resetDatabase } from '../utils/reset-database.js';

// Real: the HTTP app over a real socket, Postgres. Property: whatever a client sends, the answer is a 2xx or a 4xx
// whose message names a problem — never a 5xx — and nothing half-written is stored.
describe('bad input never gets a 500', () => {
  let api: Api;
  let moderator: Record<string, string>;
  let commentId: string;

  beforeAll(async () => {
    api = await startApi();
    await resetDatabase(api.ds);
    await putArticle(api, 'fuzz');
    moderator = await loginAs(api, 'moderator');
    commentId = (await postComment(api, 'fuzz', { body: 'The council budget for schools.' })).body.id;
  });
  afterAll(() => api.close());

  const count = async () => (await api.ds.query(`SELECT count(*)::int AS n FROM comments`))[0].n as number;
  const nasty = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }), // any code points, lone surrogates included
    fc.string({ unit: fc.constantFrom('\u0000', '\u001b', '\u202e', '\ud800', '\udfff', '<script>', '"', '\\', '\n'), maxLength: 50 }),
    fc.constantFrom('<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', "'; DROP TABLE comments; --", '%00', '\u0000'),
    fc.string({ minLength: 10_001, maxLength: 12_000 }),
  );
  const anyJson = fc.jsonValue({ maxDepth: 4 });
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
  /** Percent-encodes like a client would; a lone surrogate becomes its (invalid) UTF-8 bytes, e.g. %ED%A0%80. */
  const enc = (s: string) => {
    let out = '';
    for (const ch of s) {
      const cp = ch.codePointAt(0) as number;
      const hex = (b: number) => `%${b.toString(16).toUpperCase()}`;
      out += cp >= 0xd800 && cp <= 0xdfff ? `${hex(0xed)}${hex(0x80 | ((cp >> 6) & 0x3f))}${hex(0x80 | (cp & 0x3f))}` : encodeURIComponent(ch);
    }
    return out;
  };

  function expectClean(res: { status: number; body: unknown }, what: string): void {
    if (res.status >= 500) throw new Error(`${what} → ${res.status} ${JSON.stringify(res.body)}`);
    if (res.status >= 400) {
      const message = (res.body as { message?: unknown })?.message;
      if (typeof message !== 'string' || message.length === 0) throw new Error(`${what} → ${res.status} without a message: ${JSON.stringify(res.body)}`);
    }
  }

  it('intake: random field values and shapes → 202 or a 4xx naming the problem; rejected ones store nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ authorName: fc.oneof(nasty, anyJson), body: fc.oneof(nasty, anyJson), title: fc.option(fc.oneof(nasty, anyJson)), parentId: fc.option(fc.oneof(nasty, fc.uuid())), extra: fc.option(anyJson) }, { requiredKeys: [] }),
        async (payload) => {
          const before = await count();
          const res = await http(`${api.url}/api/articles/fuzz/comments`, 'POST', payload);
          expectClean(res, `POST ${JSON.stringify(payload).slice(0, 200)}`);
          expect(await count()).toBe(before + (res.status === 202 ? 1 : 0));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('intake: raw bodies (bad JSON, deep nesting, wrong content types, huge headers) → 4xx', async () => {
    const before = await count();
    const raw: Array<[string, Record<string, string>]> = [
      ['{"authorName": "a", "body": "x"', { 'content-type': 'application/json' }],
      [deep(5000), { 'content-type': 'application/json' }],
      [`{"body": ${deep(200)}, "authorName": "a"}`, { 'content-type': 'application/json' }],
      ['authorName=a&body=x', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['<xml/>', { 'content-type': 'application/xml' }],
      ['{"authorName":"a","body":"x"}', { 'content-type': 'application/json', 'idempotency-key': 'k'.repeat(5000) }],
      ['{"authorName":"a","body":"x"}', { 'content-type': 'application/json', 'x-filler': 'y'.repeat(20_000) }],
      ['\u0000\u0001\u0002', { 'content-type': 'application/json' }],
    ];
    for (const [body, headers] of raw) {
      const res = await fetch(`${api.url}/api/articles/fuzz/comments`, { method: 'POST', body, headers });
      const text = await res.text();
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(text.length).toBeGreaterThan(0);
    }
    expect(await count()).toBe(before);
  });

  it('publisher upsert: random payloads and ids → 2xx or a 4xx with a message', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(nasty, fc.constant('ok-id')), fc.dictionary(fc.constantFrom('title', 'subtitle', 'body', 'url', 'author', 'commentsOpen', 'preModerate', 'x'), fc.oneof(nasty, anyJson)), async (id, payload) => {
        const res = await http(`${api.url}/api/articles/${enc(id)}`, 'PUT', payload, { 'x-api-key': 'test-publisher-key' });
        expectClean(res, `PUT ${id.slice(0, 50)} ${JSON.stringify(payload).slice(0, 200)}`);
      }),
      { numRuns: 100 },
    );
  });

  it('moderation: random decisions, list parameters and ids → never a 5xx, and no status change on a 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ action: fc.oneof(fc.constantFrom('approve', 'hide'), nasty, anyJson), version: fc.oneof(fc.integer(), anyJson, nasty), reason: fc.option(fc.oneof(nasty, anyJson)) }, { requiredKeys: [] }),
        fc.oneof(fc.constant(commentId), nasty, fc.uuid()),
        fc.record({ range: nasty, sort: nasty, filter: fc.oneof(nasty, anyJson.map((j) => JSON.stringify(j))) }, { requiredKeys: [] }),
        async (decision, id, listParams) => {
          const [before] = await api.ds.query(`SELECT status, version FROM comments WHERE id = $1`, [commentId]);
          const res = await http(`${api.url}/api/moderation/comments/${enc(id)}/decision`, 'POST', decision, moderator);
          expectClean(res, `decision ${JSON.stringify(decision).slice(0, 200)}`);
          if (res.status >= 400) {
            const [after] = await api.ds.query(`SELECT status, version FROM comments WHERE id = $1`, [commentId]);
            expect(after).toEqual(before);
          }
          const qs = new URLSearchParams(listParams as Record<string, string>).toString();
          expectClean(await http(`${api.url}/api/moderation/comments?${qs}`, 'GET', undefined, moderator), `list ?${qs.slice(0, 200)}`);
          expectClean(await http(`${api.url}/api/moderation/comments/${enc(id)}`, 'GET', undefined, moderator), `detail ${id.slice(0, 50)}`);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the probe’s 500s are 400s naming the problem: huge ranges, an empty tester request, ids that are no UUID (issue 16, item 11)', async () => {
    const admin = await loginAs(api, 'admin', 'admin-repro@test.local');
    for (const list of ['/api/moderation/comments', '/api/moderation/authors']) {
      for (const range of ['[1e21,1e21]', '[0,1e21]', '[9007199254740992,9007199254740993]', '[1.5,2]']) {
        const res = await http<{ message: string }>(`${api.url}${list}?range=${encodeURIComponent(range)}`, 'GET', undefined, admin);
        expect([res.status, res.body.message]).toEqual([400, expect.stringMatching(/^range: /)]);
      }
    }
    const tester = await http<{ message: unknown }>(`${api.url}/api/rules/test`, 'POST', {}, admin);
    expect(tester.status).toBe(400);
    expect(JSON.stringify(tester.body.message)).toContain('comment');
    for (const path of ['/api/rules/not-a-uuid', '/api/rules/not-a-uuid/versions', '/api/rules/not-a-uuid/quality', '/api/rules/backtests/1', '/api/rules/retriage/1', '/api/moderation/comments/1']) {
      const res = await http<{ message: string }>(`${api.url}${path}`, 'GET', undefined, admin);
      expect([path, res.status, res.body.message]).toEqual([path, 400, expect.stringMatching(/^(id|runId): expected a UUID/)]);
    }
  });

  it('every staff endpoint in the OpenAPI document: random path ids, query and body → never a 5xx (issue 16, item 11)', async () => {
    const admin = await loginAs(api, 'admin');
    const [rule] = await api.ds.query(`SELECT id FROM rules WHERE type = 'links'`);
    const [author] = await api.ds.query(`SELECT author_key FROM comments WHERE id = $1`, [commentId]);
    const known: Record<string, string> = { id: commentId, key: author.author_key, runId: '00000000-0000-4000-8000-000000000000' };
    const operations = await staffOperations(api);
    expect(operations.length).toBeGreaterThanOrEqual(30); // the document was read, not an empty list
    for (const op of operations) {
      const ids = op.pathParams.map((name) => fc.oneof(fc.constant(name === 'id' && op.path.startsWith('/api/rules') ? rule.id : known[name] ?? 'x'), fc.uuid(), nasty));
      const query = fc.dictionary(fc.constantFrom(...op.queryParams, 'range', 'sort', 'filter', 'q', 'x'), fc.oneof(nasty, anyJson.map((j) => JSON.stringify(j))), { maxKeys: 4 });
      const body = op.bodyFields
        ? fc.oneof(fc.dictionary(fc.constantFrom(...op.bodyFields, 'extra'), fc.oneof(nasty, anyJson, fc.dictionary(fc.string(), anyJson)), { maxKeys: 6 }), anyJson)
        : fc.constant(undefined);
      await fc.assert(
        fc.asyncProperty(fc.tuple(...ids), query, body, async (idValues, params, payload) => {
          let path = op.path;
          op.pathParams.forEach((name, i) => (path = path.replace(`{${name}}`, enc(idValues[i] as string))));
          const qs = new URLSearchParams(params).toString();
          const res = await http(`${api.url}${path}${qs ? `?${qs}` : ''}`, op.method, payload, admin);
          expectClean(res, `${op.method} ${path.slice(0, 120)}?${qs.slice(0, 200)} ${JSON.stringify(payload)?.slice(0, 200)}`);
        }),
        { numRuns: 40 },
      );
    }
  }, 300_000);

  it('login: random credentials → 200, 400 or 401', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ email: fc.oneof(nasty, anyJson, fc.emailAddress()), password: fc.oneof(nasty, anyJson) }, { requiredKeys: [] }), async (body) => {
        const res = await http(`${api.url}/api/auth/login`, 'POST', body);
        expectClean(res, `login ${JSON.stringify(body).slice(0, 200)}`);
      }),
      { numRuns: 60 },
    );
  });
});

interface StaffOperation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  /** Property names of the JSON body's schema; undefined when the operation takes no body. */
  bodyFields?: string[];
}

/** Every operation of the OpenAPI document that takes a staff bearer token: new routes are fuzzed without a change here. */
async function staffOperations(api: Api): Promise<StaffOperation[]> {
  type Schema = { $ref?: string; properties?: Record<string, unknown>; allOf?: Schema[] };
  type Operation = { security?: unknown[]; parameters?: Array<{ in: string; name: string }>; requestBody?: { content?: Record<string, { schema?: Schema }> } };
  const docs = await http<{ paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } }>(`${api.url}/api/docs-json`, 'GET');
  const schemas = docs.body.components?.schemas ?? {};
  const fields = (schema: Schema | undefined): string[] => {
    if (!schema) return [];
    if (schema.$ref) return fields(schemas[schema.$ref.split('/').pop() as string]);
    return [...Object.keys(schema.properties ?? {}), ...(schema.allOf ?? []).flatMap(fields)];
  };
  return Object.entries(docs.body.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([, op]) => (op.security ?? []).some((s) => Object.keys(s as object).includes('bearer')))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        bodyFields: op.requestBody ? fields(op.requestBody.content?.['application/json']?.schema) : undefined,
      })),
  );
}
