import { Actor } from './actor';
import { AccessTokenClaims } from './token.service';

/**
 * Who holds an access token now: the accounts module answers (the user must still exist, be active, belong to the
 * token's agency and not have changed their password since it was issued), so the guard needs no knowledge of
 * users. null: the token no longer counts.
 */
export interface ActorSource {
  actorFor(claims: AccessTokenClaims): Promise<Actor | null>;
}

/** The Nest token the users module provides its ActorSource under. */
export const ACTOR_SOURCE = Symbol('ACTOR_SOURCE');
