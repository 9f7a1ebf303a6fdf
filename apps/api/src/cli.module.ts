import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity } from './auth/user.entity.js';
import { UsersService } from './auth/users.service.js';
import { ConfigModule } from './core/config/config.module.js';
import { ENTITIES } from './data-source.js';
import { DatabaseModule } from './core/database/database.module.js';

/** What the operator CLI needs: config, database, users. No HTTP, no queues. */
@Module({
  imports: [ConfigModule, DatabaseModule.forRoot(ENTITIES), TypeOrmModule.forFeature([UserEntity])],
  providers: [UsersService],
})
export class CliModule {}
