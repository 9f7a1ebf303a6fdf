import { type HttpResult, http, loginAs, useStack } from '../utils/harness.js';
import { exited, spawnEntry } from '../utils/processes.js';

// Real: the users API on Postgres, and the create-user CLI as its own process (src/cli.ts). Issue 16, item 12: only a
// 12-character minimum held — `aaaaaaaaaaaa`, `123456789012` and the e-mail itself were accepted.
describe('staff passwords', () => {
  const { api } = useStack();
  const count = async (email: string) => (await api.ds.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [email]))[0].n;

  it('the users API refuses guessable passwords and the e-mail with a 400 naming the problem, and stores nothing', async () => {
    const admin = await loginAs(api, 'admin');
    const create = (password: string) =>
      http<{ message: string; fields?: Record<string, string[]> }>(`${api.url}/api/users`, 'POST', { email: 'sam.desk@paper.example', name: 'Sam Desk', password, role: 'moderator' }, admin);
    for (const weak of ['aaaaaaaaaaaa', '123456789012', 'password1234']) {
      const res = await create(weak);
      expect([res.status, res.body.message]).toEqual([400, expect.stringMatching(/^password: is too easy to guess/)]);
      expect(res.body.fields).toEqual({ password: [expect.any(String)] });
    }
    for (const mine of ['sam.desk@paper.example', 'Sam.Desk@paper.example 2026!']) {
      const res = await create(mine);
      expect([res.status, res.body.message]).toEqual([400, 'password: must not be or contain the e-mail address']);
    }
    expect(await count('sam.desk@paper.example')).toBe(0);
    expect(((await create('lantern oyster cobalt ferry')) as HttpResult).status).toBe(201);
  });

  it('the create-user CLI refuses them too, saying why, and creates nobody', async () => {
    const run = async (password: string, email: string) => {
      const child = spawnEntry('cli', { SIFT_PASSWORD: password }, ['create-user', '--email', email, '--name', 'Kit', '--role', 'admin']);
      const { code } = await exited(child);
      return { code, output: child.output() };
    };
    const weak = await run('123456789012', 'kit@paper.example');
    expect(weak.code).toBe(2);
    expect(weak.output).toMatch(/SIFT_PASSWORD: the password is too easy to guess/);
    const own = await run('kit@paper.example', 'kit@paper.example');
    expect([own.code, own.output]).toEqual([2, expect.stringContaining('must not be or contain the e-mail address')]);
    expect(await count('kit@paper.example')).toBe(0);
    const ok = await run('lantern oyster cobalt ferry', 'kit@paper.example');
    expect([ok.code, ok.output]).toEqual([0, expect.stringContaining('kit@paper.example (admin) ready')]);
    expect(await count('kit@paper.example')).toBe(1);
  });
});
