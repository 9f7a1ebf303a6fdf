import { Global, Module } from '@nestjs/common';
import { type AppConfig, getConfig } from './config.js';

export const APP_CONFIG = Symbol('APP_CONFIG');

@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: (): AppConfig => getConfig() }],
  exports: [APP_CONFIG],
})
export class ConfigModule {}
