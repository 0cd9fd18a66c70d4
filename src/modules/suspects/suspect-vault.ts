import { Inject, Injectable } from '@nestjs/common';

import { PiiCipher } from '@libs/crypto';

import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';

import { SuspectIdentity } from './suspect-identity';

/**
 * Seals and opens suspects' identities with the personal-data key (as the victims' IdentityVault does, each bound to
 * its row). Only SuspectDisclosureService opens one: every opening is decided and audited there.
 */
@Injectable()
export class SuspectVault {
  private readonly cipher: PiiCipher;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'piiEncryptionKey' | 'piiPreviousKeys'>) {
    this.cipher = new PiiCipher(config.piiEncryptionKey, config.piiPreviousKeys);
  }

  seal(suspectId: string, identity: SuspectIdentity): string {
    return this.cipher.seal(JSON.stringify(identity), context(suspectId));
  }

  open(suspect: { id: string; identitySealed: string }): SuspectIdentity {
    return JSON.parse(this.cipher.open(suspect.identitySealed, context(suspect.id))) as SuspectIdentity;
  }
}

const context = (suspectId: string) => `suspect:${suspectId}:identity`;
