import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { OpsController } from './ops.controller.js';

@Module({ imports: [AuthModule], controllers: [OpsController] })
export class OpsModule {}
