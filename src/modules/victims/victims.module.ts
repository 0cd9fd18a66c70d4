import { Module } from '@nestjs/common';

import { AuthModule } from '@app/auth/auth.module';

import { IdentityVault } from './identity-vault';
import { ConsentResolver, VictimsResolver } from './victims.resolver';
import { VictimsService } from './victims.service';

/** The victim register: records, sealed identities, consent and duplicate detection. */
@Module({
  imports: [AuthModule],
  providers: [IdentityVault, VictimsService, VictimsResolver, ConsentResolver],
  exports: [VictimsService, IdentityVault],
})
export class VictimsModule {}
