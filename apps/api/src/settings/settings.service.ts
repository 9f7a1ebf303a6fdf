import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { SiteSettingsEntity } from './site-settings.entity.js';

@Injectable()
export class SettingsService {
  constructor(@InjectRepository(SiteSettingsEntity) private readonly settings: Repository<SiteSettingsEntity>) {}

  async get(): Promise<SiteSettingsEntity> {
    return this.settings.findOneByOrFail({ id: 1 });
  }
}
