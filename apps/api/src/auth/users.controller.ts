import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { UserRecord } from '@sift/shared';
import { CreateUserDto } from './dto/create-user.dto.js';
import { Roles } from './roles.decorator.js';
import type { UserEntity } from './user.entity.js';
import { UsersService } from './users.service.js';

const toRecord = (u: UserEntity): UserRecord => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  disabled: u.disabled,
  createdAt: u.createdAt.toISOString(),
});

/** Staff accounts. Admins only. */
@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'List staff accounts' })
  async list(): Promise<UserRecord[]> {
    return (await this.users.list()).map(toRecord);
  }

  @Post()
  @ApiOperation({ summary: 'Create a staff account (409 when the email exists)' })
  async create(@Body() dto: CreateUserDto): Promise<UserRecord> {
    return toRecord(await this.users.create(dto));
  }
}
