import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ROLES, type Role } from '@sift/shared';
import { parseArgs } from 'node:util';
import { passwordProblem } from './auth/password-policy.js';
import { UsersService } from './auth/users.service.js';
import { exitOnConfigError } from './core/config/exit-on-config-error.js';
import { CliModule } from './cli.module.js';

const USAGE = `usage: node dist/apps/api/cli.js create-user --email EMAIL --name NAME --role admin|moderator [--force]
  The password is read from the SIFT_PASSWORD environment variable: at least 12 characters, hard to guess
  (checked with zxcvbn-ts), not the e-mail address.`;

/** Operator commands. `create-user` makes the first admin (or any user) without a default password. */
async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== 'create-user') {
    console.error(USAGE);
    process.exit(2);
  }
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, force: { type: 'boolean' } },
  });
  const password = process.env.SIFT_PASSWORD ?? '';
  if (!values.email || !values.role || !(ROLES as readonly string[]).includes(values.role)) {
    console.error(USAGE);
    process.exit(2);
  }
  const problem = passwordProblem(password, { email: values.email, name: values.name });
  if (problem) {
    console.error(`SIFT_PASSWORD: the password ${problem}`);
    process.exit(2);
  }
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  const users = app.get(UsersService);
  const input = { email: values.email, name: values.name ?? values.email, password, role: values.role as Role };
  const user = values.force ? await users.upsert(input) : await users.create(input);
  console.log(`user ${user.email} (${user.role}) ready`);
  await app.close();
}

main().catch(exitOnConfigError);
