import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Role } from '@sift/shared';
import * as argon2 from 'argon2';
import { Repository } from 'typeorm';
import { assertStrongPassword } from './password-policy.js';
import { UserEntity } from './user.entity.js';

@Injectable()
export class UsersService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  list(): Promise<UserEntity[]> {
    return this.users.find({ order: { createdAt: 'ASC' } });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email: email.trim().toLowerCase() });
  }

  /** 400 naming the problem when the password is weak or holds the e-mail (password-policy.ts); 409 when the e-mail exists. */
  async create(input: { email: string; name: string; password: string; role: Role }): Promise<UserEntity> {
    const email = input.email.trim().toLowerCase();
    assertStrongPassword(input.password, input);
    if (await this.users.existsBy({ email })) throw new ConflictException(`a user with email ${email} exists`);
    const passwordHash = await argon2.hash(input.password, { type: argon2.argon2id });
    return this.users.save(this.users.create({ email, name: input.name, passwordHash, role: input.role }));
  }

  /** Create the user, or reset its password and role when it exists (demo seeding, `cli create-user --force`). */
  async upsert(input: { email: string; name: string; password: string; role: Role }): Promise<UserEntity> {
    const existing = await this.findByEmail(input.email);
    if (!existing) return this.create(input);
    assertStrongPassword(input.password, input);
    existing.passwordHash = await argon2.hash(input.password, { type: argon2.argon2id });
    existing.role = input.role;
    existing.name = input.name;
    existing.disabled = false;
    return this.users.save(existing);
  }
}
