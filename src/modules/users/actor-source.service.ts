import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { ActorSource } from '@app/auth/actor-source';
import { AccessTokenClaims } from '@app/auth/token.service';

import { UserEntity } from './user.entity';

/** The actor behind a token's claims, read fresh on every request so a deactivation or a new password counts at once. */
@Injectable()
export class ActorSourceService implements ActorSource {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  async actorFor(claims: AccessTokenClaims): Promise<Actor | null> {
    const user = await this.users.findOne({
      where: { id: claims.sub },
      select: ['id', 'agencyId', 'roles', 'locale', 'timeZone', 'active', 'credentialsChangedAt'],
    });
    // Tokens issued before the last password change no longer count.
    const revoked = user && claims.cv !== user.credentialsChangedAt.getTime();
    if (!user || !user.active || revoked || user.agencyId !== claims.agency) return null;
    return actorOf(user);
  }
}

/** The actor a user acts as: their agency, roles, language and time zone. */
export function actorOf(user: Pick<UserEntity, 'id' | 'agencyId' | 'roles' | 'locale' | 'timeZone'>): Actor {
  return { userId: user.id, agencyId: user.agencyId, roles: user.roles, locale: user.locale, timeZone: user.timeZone };
}
