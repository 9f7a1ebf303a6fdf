import { Global, Module } from '@nestjs/common';
import { DrainService } from './drain.service.js';

/** The process's graceful stop (DrainService), for the API and the worker alike (modules of both read it). */
@Global()
@Module({ providers: [DrainService], exports: [DrainService] })
export class LifecycleModule {}
