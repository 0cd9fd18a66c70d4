import { DynamicModule, Global, Module } from '@nestjs/common';

import { Clock } from '@app/kernel/clock';
import { OutgoingMailer } from './outgoing-mail';

/** Shared services every module may use (the clock, outgoing mail); tests pass their own clock. */
@Global()
@Module({})
export class CommonModule {
  static forRoot(clock?: Clock): DynamicModule {
    return {
      module: CommonModule,
      providers: [clock ? { provide: Clock, useValue: clock } : Clock, OutgoingMailer],
      exports: [Clock, OutgoingMailer],
    };
  }
}
