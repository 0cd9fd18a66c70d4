import { Inject, Injectable } from '@nestjs/common';

import { PiiCipher } from '@libs/crypto';

import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';

import {
  INDEX_BIRTH_ORIGIN,
  INDEX_NATIONAL_ID,
  INDEX_PASSPORT,
  normaliseNationalId,
  normalisePassport,
  VictimIdentity,
} from './victim-identity';

export interface SealedIdentity {
  identitySealed: string;
  passportIndex: string | null;
  nationalIdIndex: string | null;
  birthOriginIndex: string | null;
}

/**
 * The only place that seals and opens victims' identities (keys from config, see `npm run pii:rotate`). Only
 * IdentityDisclosureService calls `open`: every opening is decided and audited there.
 */
@Injectable()
export class IdentityVault {
  readonly cipher: PiiCipher;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'piiEncryptionKey' | 'piiPreviousKeys'>) {
    this.cipher = new PiiCipher(config.piiEncryptionKey, config.piiPreviousKeys);
  }

  /** Seals an identity for one victim record (bound to its id) and computes its blind indexes. */
  seal(victimId: string, identity: VictimIdentity, originRegion: string | null): SealedIdentity {
    return {
      identitySealed: this.cipher.seal(JSON.stringify(identity), context(victimId)),
      ...this.indexes(identity, originRegion),
    };
  }

  open(victim: { id: string; identitySealed: string }): VictimIdentity {
    return JSON.parse(this.cipher.open(victim.identitySealed, context(victim.id))) as VictimIdentity;
  }

  /** The same identity sealed again under the current key, with its blind indexes (key rotation). */
  reseal(victim: { id: string; identitySealed: string; originRegion: string | null }): SealedIdentity {
    return this.seal(victim.id, this.open(victim), victim.originRegion);
  }

  indexes(identity: VictimIdentity, originRegion: string | null): Omit<SealedIdentity, 'identitySealed'> {
    return {
      passportIndex: identity.passportNumber
        ? this.cipher.blindIndex(INDEX_PASSPORT, normalisePassport(identity.passportNumber))
        : null,
      nationalIdIndex: identity.nationalIdNumber
        ? this.cipher.blindIndex(INDEX_NATIONAL_ID, normaliseNationalId(identity.nationalIdNumber))
        : null,
      birthOriginIndex:
        identity.dateOfBirth && originRegion
          ? this.cipher.blindIndex(INDEX_BIRTH_ORIGIN, `${identity.dateOfBirth}|${originRegion}`)
          : null,
    };
  }
}

const context = (victimId: string) => `victim:${victimId}:identity`;
