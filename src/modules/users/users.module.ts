import { Module } from '@nestjs/common';

import { AuthModule } from '@app/auth/auth.module';
import { AgenciesModule } from '@app/modules/agencies/agencies.module';

import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

@Module({
  imports: [AuthModule, AgenciesModule],
  providers: [UsersService, UsersResolver],
  exports: [UsersService],
})
export class UsersModule {}
