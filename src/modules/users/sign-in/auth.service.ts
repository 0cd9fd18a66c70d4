import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Clock } from '@app/kernel/clock';
import { AuditService } from '@app/modules/audit/audit.service';
import { UserEntity } from '@app/modules/users/user.entity';

import { Actor } from '@app/auth/actor';
import { AuthErrorReason, AuthException } from './auth.exception';
import { AuthPayload, ChangePasswordInput, LoginInput, ResetUserPasswordInput, UnlockLoginInput } from './auth.inputs';
import { LoginAttempt, LoginRefused, LoginThrottle } from './login-throttle';
import { PasswordHasher, passwordProblem } from '../password-hasher';
import { TokenService } from '@app/auth/token.service';

import { ActorSourceService, actorOf } from '../actor-source.service';

/** A hash of a random password, checked when the e-mail is unknown so both failures take the same time. */
const DUMMY_HASH = '$argon2id$v=19$m=65536,p=4,t=3$+xoVM2L1XEZBMX9l+Eo7mA$uYM5WSs7ZgRNT3SKclZTwu38BGDRYEH1YaxP+Smi65M';

/** Logging in (throttled: login-throttle.ts), changing one's own password, and administrators' unlock and reset. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly throttle: LoginThrottle,
    private readonly actors: ActorSourceService,
  ) {}

  async login(input: LoginInput, clientAddress: string): Promise<AuthPayload> {
    let attempt: LoginAttempt;
    try {
      attempt = await this.throttle.begin(input.email, clientAddress);
    } catch (error) {
      throw error instanceof LoginRefused ? await this.refused(input.email, error) : error;
    }
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email: input.email })
      .getOne();
    const valid = await this.hasher.verify(user?.passwordHash ?? DUMMY_HASH, input.password);
    if (!user || !valid || !user.active) {
      await this.audit.record(this.dataSource.manager, null, {
        operation: 'loginFailed',
        targetType: 'User',
        targetId: user?.id ?? null,
      });
      this.logger.warn({ msg: 'login refused', userId: user?.id ?? null });
      // One message for every cause, so the answer does not reveal which accounts exist.
      throw new AuthException(
        AuthErrorReason.INVALID_CREDENTIALS,
        'The e-mail or password is wrong, or the account is inactive.',
      );
    }
    await attempt.succeeded();
    const actor = actorOf(user);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id: user.id }, { lastLoginAt: this.clock.now() });
      await this.audit.record(manager, actor, { operation: 'login', targetType: 'User', targetId: user.id });
    });
    // Older tokens stop counting with the commit; the user's remembered state goes with it.
    this.actors.forget(user.id);
    const { token, expiresAt } = this.tokens.issue(user.id, user.agencyId, user.credentialsChangedAt);
    delete (user as Partial<UserEntity>).passwordHash;
    return { accessToken: token, expiresAt, user };
  }

  /** Changes the password and invalidates every token issued before; returns a fresh token. */
  async changePassword(actor: Actor, input: ChangePasswordInput): Promise<AuthPayload> {
    const problem = passwordProblem(input.newPassword);
    if (problem) throw new AuthException(AuthErrorReason.WEAK_PASSWORD, `newPassword ${problem}.`, 'newPassword');
    const newHash = await this.hasher.hash(input.newPassword);
    const user = await this.dataSource.transaction(async (manager) => {
      const current = await manager
        .getRepository(UserEntity)
        .createQueryBuilder('user')
        .addSelect('user.passwordHash')
        .setLock('pessimistic_write')
        .where('user.id = :id', { id: actor.userId })
        .getOneOrFail();
      if (!(await this.hasher.verify(current.passwordHash, input.currentPassword))) {
        throw new AuthException(
          AuthErrorReason.WRONG_CURRENT_PASSWORD,
          'currentPassword is not your current password.',
          'currentPassword',
        );
      }
      current.passwordHash = newHash;
      current.credentialsChangedAt = this.clock.now();
      const saved = await manager.save(current);
      await this.audit.record(manager, actor, {
        operation: 'changePassword',
        targetType: 'User',
        targetId: actor.userId,
        changes: { password: { before: '[changed]', after: '[changed]' } },
      });
      return saved;
    });
    // Earlier tokens stop counting with the commit: the remembered actor (with the old stamp) goes too.
    this.actors.forget(user.id);
    const { token, expiresAt } = this.tokens.issue(user.id, user.agencyId, user.credentialsChangedAt);
    delete (user as Partial<UserEntity>).passwordHash;
    return { accessToken: token, expiresAt, user };
  }

  /** Lets the user sign in again from every address at once, after an attacker's guesses locked them out. */
  async unlockLogin(actor: Actor, input: UnlockLoginInput): Promise<UserEntity> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: input.userId });
    if (!user) throw new AuthException(AuthErrorReason.USER_NOT_FOUND, `User ${input.userId} was not found.`, 'userId');
    await this.throttle.unlock(user.email);
    await this.audit.record(this.dataSource.manager, actor, {
      operation: 'unlockLogin',
      targetType: 'User',
      targetId: user.id,
    });
    return user;
  }

  /**
   * Sets a new password for someone who lost theirs or whose account may be compromised: tokens issued before stop
   * working and the sign-in locks are lifted. The administrator hands the password over out of band.
   */
  async resetUserPassword(actor: Actor, input: ResetUserPasswordInput): Promise<UserEntity> {
    const problem = passwordProblem(input.newPassword);
    if (problem) throw new AuthException(AuthErrorReason.WEAK_PASSWORD, `newPassword ${problem}.`, 'newPassword');
    const newHash = await this.hasher.hash(input.newPassword);
    const user = await this.dataSource.transaction(async (manager) => {
      const found = await manager
        .getRepository(UserEntity)
        .createQueryBuilder('user')
        .setLock('pessimistic_write')
        .where('user.id = :id', { id: input.userId })
        .getOne();
      if (!found) {
        throw new AuthException(AuthErrorReason.USER_NOT_FOUND, `User ${input.userId} was not found.`, 'userId');
      }
      await manager.update(
        UserEntity,
        { id: found.id },
        { passwordHash: newHash, credentialsChangedAt: this.clock.now() },
      );
      await this.audit.record(manager, actor, {
        operation: 'resetUserPassword',
        targetType: 'User',
        targetId: found.id,
        changes: { password: { before: '[changed]', after: '[changed]' } },
      });
      return found;
    });
    this.actors.forget(user.id);
    await this.throttle.unlock(user.email);
    return user;
  }

  /** The answer to a throttled attempt; the attempt that set a lock leaves one audit entry for the account. */
  private async refused(email: string, refusal: LoginRefused): Promise<AuthException> {
    this.logger.warn({ msg: 'login refused: too many attempts', scope: refusal.scope });
    if (refusal.justLocked) {
      const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email });
      await this.audit.record(this.dataSource.manager, null, {
        operation: 'loginLocked',
        targetType: 'User',
        targetId: user?.id ?? null,
      });
    }
    const wait = refusal.retryAfterSeconds;
    const when = wait < 120 ? `${wait} seconds` : `${Math.ceil(wait / 60)} minutes`;
    const message =
      refusal.scope === 'address'
        ? `Too many failed sign-ins from your network; try again in ${when}.`
        : `Too many failed sign-ins to this account from your network; try again in ${when}, ` +
          'or ask an administrator to unlock it.';
    return new AuthException(AuthErrorReason.TOO_MANY_ATTEMPTS, message, undefined, { retryAfterSeconds: wait });
  }
}
