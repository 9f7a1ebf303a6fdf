import { Module } from '@nestjs/common';
import { ReaderPageController } from './reader-page.controller.js';
import { ReaderController } from './reader.controller.js';
import { ReaderService } from './reader.service.js';

/** The reader's side: the public read API and the reader page (docs/reader.md). Intake stays in comments/. */
@Module({
  controllers: [ReaderController, ReaderPageController],
  providers: [ReaderService],
})
export class ReaderModule {}
