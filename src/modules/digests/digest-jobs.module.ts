import { Module } from '@nestjs/common';

import { DigestContentModule } from './digest-content.module';
import { DigestScheduler } from './digest-scheduler';
import { DigestSender } from './digest-sender';

/** The weekly digest in the worker: the hourly fan-out (and its sweep step) and the sending of each run. */
@Module({
  imports: [DigestContentModule],
  providers: [DigestScheduler, DigestSender],
  exports: [DigestScheduler, DigestSender],
})
export class DigestJobsModule {}
