import { DynamicModule, Global, Module } from '@nestjs/common';

import { Clock } from './clock';

/** Shared services every module may use; tests pass their own clock. */
@Global()
@Module({})
export class CommonModule {
  static forRoot(clock?: Clock): DynamicModule {
    return {
      module: CommonModule,
      providers: [clock ? { provide: Clock, useValue: clock } : Clock],
      exports: [Clock],
    };
  }
}
