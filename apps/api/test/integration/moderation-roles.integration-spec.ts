import { type Api, http, loginAs, startApi } from '../utils/harness.js';
import { resetDatabase } from '../utils/reset-database.js';

// Real: the HTTP app and its global guard. The UI hiding a page is not the protection: the API refuses.
describe('roles on the moderation surface', () => {
  let api: Api;
  let mod: Record<string, string>;
  let admin: Record<string, string>;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    await resetDatabase(api.ds);
    mod = await loginAs(api, 'moderator');
    admin = await loginAs(api, 'admin');
  });

  it('a moderator gets 403 from the admin APIs, 200 from the queue, authors, counts and stats', async () => {
    expect((await http(`${api.url}/api/users`, 'GET', undefined, mod)).status).toBe(403);
    const create = await http(`${api.url}/api/users`, 'POST', { email: 'x@test.local', name: 'X', password: 'long enough password', role: 'admin' }, mod);
    expect(create.status).toBe(403);
    for (const path of ['/api/moderation/comments', '/api/moderation/authors', '/api/moderation/comments/counts', '/api/stats/home']) {
      expect([path, (await http(`${api.url}${path}`, 'GET', undefined, mod)).status]).toEqual([path, 200]);
    }
    expect((await http(`${api.url}/api/users`, 'GET', undefined, admin)).status).toBe(200);
  });

  it('nobody signed out gets any of it', async () => {
    for (const path of ['/api/moderation/comments', '/api/moderation/authors', '/api/moderation/comments/counts', '/api/stats/home', '/api/users']) {
      expect([path, (await http(`${api.url}${path}`, 'GET')).status]).toEqual([path, 401]);
    }
    expect((await http(`${api.url}/api/moderation/comments/bulk-decision`, 'POST', { action: 'hide', items: [] })).status).toBe(401);
  });
});
