import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { ActorSource } from '@app/auth/actor-source';
import { AccessTokenClaims } from '@app/auth/token.service';
import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';

import { UserEntity } from './user.entity';

/** Users remembered at most; past it the memory starts again (a busy hour has far fewer active users). */
const MAX_REMEMBERED = 50_000;

interface Remembered {
  actor: Actor;
  credentialsStamp: number;
  agencyId: string;
  until: number;
}

/**
 * The actor behind a token's claims. Read from PostgreSQL, then remembered for AUTH_ACTOR_CACHE_MS so a burst of
 * requests by one person costs one read: a change made through the API (roles, agency, deactivation, a new password)
 * forgets the user in this process at once, and other API processes read it again within the setting.
 */
@Injectable()
export class ActorSourceService implements ActorSource {
  private readonly remembered = new Map<string, Remembered>();

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async actorFor(claims: AccessTokenClaims): Promise<Actor | null> {
    const now = Date.now();
    const known = this.remembered.get(claims.sub);
    if (known && known.until > now && known.credentialsStamp === claims.cv && known.agencyId === claims.agency) {
      return known.actor;
    }
    const user = await this.users.findOne({
      where: { id: claims.sub },
      select: ['id', 'agencyId', 'roles', 'locale', 'timeZone', 'active', 'credentialsChangedAt'],
    });
    // Tokens issued before the last password change no longer count.
    const revoked = user && claims.cv !== user.credentialsChangedAt.getTime();
    if (!user || !user.active || revoked || user.agencyId !== claims.agency) {
      this.remembered.delete(claims.sub);
      return null;
    }
    const actor = actorOf(user);
    const ttl = this.config.auth.actorCacheMs;
    if (ttl > 0) {
      if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
      this.remembered.set(claims.sub, {
        actor,
        credentialsStamp: user.credentialsChangedAt.getTime(),
        agencyId: user.agencyId,
        until: now + ttl,
      });
    }
    return actor;
  }

  /** The user changed (roles, agency, active, password): the next request reads them again. */
  forget(userId: string): void {
    this.remembered.delete(userId);
  }
}

/** The actor a user acts as: their agency, roles, language and time zone. */
export function actorOf(user: Pick<UserEntity, 'id' | 'agencyId' | 'roles' | 'locale' | 'timeZone'>): Actor {
  return { userId: user.id, agencyId: user.agencyId, roles: user.roles, locale: user.locale, timeZone: user.timeZone };
}
