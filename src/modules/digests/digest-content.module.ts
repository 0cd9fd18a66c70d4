import { Module } from '@nestjs/common';

import { DigestContentService } from './digest-content.service';

/** What a weekly digest says for one person and week, read fresh from PostgreSQL (no resolver of its own). */
@Module({
  providers: [DigestContentService],
  exports: [DigestContentService],
})
export class DigestContentModule {}
