import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SettingsService } from './settings.service.js';
import { SiteSettingsEntity } from './site-settings.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([SiteSettingsEntity])],
  providers: [SettingsService],
  exports: [SettingsService],
})
export class SettingsModule {}
