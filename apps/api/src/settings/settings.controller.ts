import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { SiteSettingsRecord, SiteSettingsSaveRequest } from '@sift/shared';
import { IsBoolean, IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { type AuthUser, CurrentUser } from '../auth/current-user.js';
import { Roles } from '../auth/roles.decorator.js';
import { SettingsService } from './settings.service.js';

export class SiteSettingsDto implements SiteSettingsSaveRequest {
  @ApiPropertyOptional({ description: 'approve comments that no rule flags' })
  @IsOptional()
  @IsBoolean()
  autoApprove?: boolean;

  @ApiPropertyOptional({ description: 'hold every comment for a person (hide rules still hide)' })
  @IsOptional()
  @IsBoolean()
  preModerate?: boolean;

  @ApiPropertyOptional({ minimum: 0.05, maximum: 1 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.05)
  @Max(1)
  overrideWarnRate?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 10000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  overrideMinDecided?: number;

  @ApiPropertyOptional({ minimum: 5, maximum: 1440, description: 'a dashboard session unused this many minutes ends (sign in again)' })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(1440)
  sessionIdleMinutes?: number;

  @ApiPropertyOptional({ description: 'a retrained insult model promotes itself when its CV AUC is up and its precision not down (audited on the version)' })
  @IsOptional()
  @IsBoolean()
  learnedAutoPromote?: boolean;

  @ApiPropertyOptional({ description: 'the version edited (409 when saved meanwhile)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

/** Site settings: staff read them (the rules page shows the warning level); admins change them. */
@ApiTags('settings')
@ApiBearerAuth()
@Controller('api/settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @ApiOperation({ summary: 'Site moderation settings' })
  get(): Promise<SiteSettingsRecord> {
    return this.settings.get();
  }

  @Put()
  @Roles('admin')
  @ApiOperation({ summary: 'Save site settings (a new version; 409 when saved meanwhile)' })
  update(@Body() dto: SiteSettingsDto, @CurrentUser() user: AuthUser): Promise<SiteSettingsRecord> {
    return this.settings.update(dto, user.id);
  }

  @Get('versions')
  @Roles('admin')
  @ApiOperation({ summary: 'Saved versions of the site settings' })
  versions(): ReturnType<SettingsService['versions']> {
    return this.settings.versions();
  }
}
