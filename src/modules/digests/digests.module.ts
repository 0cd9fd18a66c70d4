import { Module } from '@nestjs/common';

import { AuthModule } from '@app/auth/auth.module';

import { DigestContentModule } from './digest-content.module';
import { DigestsResolver } from './digests.resolver';
import { DigestsService } from './digests.service';

/** The weekly digest in the API: preview, per-week counts and subscriptions. */
@Module({
  imports: [AuthModule, DigestContentModule],
  providers: [DigestsService, DigestsResolver],
})
export class DigestsModule {}
