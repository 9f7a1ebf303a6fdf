import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../core/config/config.js';
import { APP_CONFIG } from '../core/config/config.module.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { PublisherKeyGuard } from './publisher-key.guard.js';
import { UserEntity } from './user.entity.js';
import { UsersController } from './users.controller.js';
import { LoginThrottle, PasswordCheckGate } from './login-throttle.js';
import { SessionsService } from './sessions.service.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.auth.jwtSecret,
        signOptions: { expiresIn: config.auth.jwtTtlSeconds, issuer: 'sift' },
        verifyOptions: { issuer: 'sift' },
      }),
    }),
  ],
  controllers: [AuthController, UsersController],
  providers: [AuthService, UsersService, SessionsService, LoginThrottle, PasswordCheckGate, PublisherKeyGuard, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [UsersService, PublisherKeyGuard, JwtModule],
})
export class AuthModule {}
