import { Module } from '@nestjs/common';

import { DigestBatchSender } from './digest-batch-sender';
import { DigestContentModule } from './digest-content.module';
import { DigestScheduler } from './digest-scheduler';
import { DigestSender } from './digest-sender';

/** The weekly digest in the worker: the hourly fan-out (and its sweep step) and the sending of the runs, in batches and one by one. */
@Module({
  imports: [DigestContentModule],
  providers: [DigestScheduler, DigestSender, DigestBatchSender],
  exports: [DigestScheduler, DigestSender],
})
export class DigestJobsModule {}
