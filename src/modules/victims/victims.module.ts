import { Module } from '@nestjs/common';

import { AuthModule } from '@app/auth/auth.module';
import { GroupOperationsModule } from '@app/modules/group-operations/group-operations.module';

import { ChangeProtectionStatus } from './commands/change-protection-status';
import { RecordConsent } from './commands/record-consent';
import { RecordConsentForGroup } from './commands/record-consent-for-group';
import { RecordServiceDelivered } from './commands/record-service-delivered';
import { RegisterVictimGroup } from './commands/register-victim-group';
import { RecordIdentificationDecision } from './commands/record-identification-decision';
import { RegisterVictim } from './commands/register-victim';
import { RegistrationMatchRules } from './commands/registration-matches';
import { ResolvePossibleDuplicate } from './commands/resolve-possible-duplicate';
import { RevokeConsent } from './commands/revoke-consent';
import { IdentityDisclosureService } from './identity-disclosure.service';
import { IdentityVault } from './identity-vault';
import { CaseOfVictim } from './queries/case-of-victim';
import { FindConsentInForce } from './queries/consent-in-force';
import { FindVictims } from './queries/find-victims';
import { PossibleDuplicates } from './queries/possible-duplicates';
import { VictimConsents } from './queries/victim-consents';
import { VictimHistory } from './queries/victim-history';
import { VictimServices } from './queries/victim-services';
import {
  CaseVictimsResolver,
  ConsentResolver,
  VictimEventResolver,
  VictimServiceResolver,
  VictimsResolver,
} from './victims.resolver';
import { VictimsService } from './victims.service';

/**
 * The victim register: records, sealed identities, consent and duplicate detection. Other modules use
 * VictimsService and IdentityDisclosureService only; the vault and the consent table stay inside.
 */
@Module({
  imports: [AuthModule, GroupOperationsModule],
  providers: [
    IdentityVault,
    IdentityDisclosureService,
    RegisterVictim,
    RegistrationMatchRules,
    RecordConsent,
    RevokeConsent,
    ChangeProtectionStatus,
    RecordIdentificationDecision,
    ResolvePossibleDuplicate,
    FindVictims,
    CaseOfVictim,
    VictimConsents,
    FindConsentInForce,
    VictimHistory,
    PossibleDuplicates,
    RegisterVictimGroup,
    RecordConsentForGroup,
    RecordServiceDelivered,
    VictimServices,
    VictimsService,
    VictimsResolver,
    ConsentResolver,
    VictimEventResolver,
    VictimServiceResolver,
    CaseVictimsResolver,
  ],
  exports: [VictimsService, IdentityDisclosureService],
})
export class VictimsModule {}
