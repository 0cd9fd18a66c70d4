import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';

import { JobHandlerRegistry } from './job-handler.registry';
import { OutboxRelay } from './outbox-relay';
import { QueueWorkers } from './queue-workers';
import { SweepJob } from './sweep.job';

/** Worker role only: the outbox relay, the BullMQ workers, the handler registry and the sweep. */
@Module({
  imports: [DiscoveryModule],
  providers: [JobHandlerRegistry, QueueWorkers, OutboxRelay, SweepJob],
  exports: [JobHandlerRegistry, OutboxRelay],
})
export class JobsModule {}
