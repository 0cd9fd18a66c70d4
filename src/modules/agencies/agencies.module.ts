import { Module } from '@nestjs/common';

import { AgenciesResolver } from './agencies.resolver';
import { AgenciesService } from './agencies.service';

@Module({ providers: [AgenciesService, AgenciesResolver], exports: [AgenciesService] })
export class AgenciesModule {}
