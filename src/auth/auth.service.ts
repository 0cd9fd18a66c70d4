import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Clock } from '@app/kernel/clock';
import { AuditService } from '@app/modules/audit/audit.service';
import { UserEntity } from '@app/modules/users/user.entity';

import { Actor } from './actor';
import { AuthErrorReason, AuthException } from './auth.exception';
import { AuthPayload, ChangePasswordInput, LoginInput } from './dto/auth.inputs';
import { PasswordHasher, passwordProblem } from './password-hasher';
import { TokenService } from './token.service';

/** A hash of a random password, checked when the e-mail is unknown so both failures take the same time. */
const DUMMY_HASH = '$argon2id$v=19$m=65536,p=4,t=3$+xoVM2L1XEZBMX9l+Eo7mA$uYM5WSs7ZgRNT3SKclZTwu38BGDRYEH1YaxP+Smi65M';

/** Logging in and changing one's own password. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async login(input: LoginInput): Promise<AuthPayload> {
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
    const actor = this.actorOf(user);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id: user.id }, { lastLoginAt: this.clock.now() });
      await this.audit.record(manager, actor, { operation: 'login', targetType: 'User', targetId: user.id });
    });
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
    const { token, expiresAt } = this.tokens.issue(user.id, user.agencyId, user.credentialsChangedAt);
    delete (user as Partial<UserEntity>).passwordHash;
    return { accessToken: token, expiresAt, user };
  }

  private actorOf(user: UserEntity): Actor {
    return {
      userId: user.id,
      agencyId: user.agencyId,
      roles: user.roles,
      locale: user.locale,
      timeZone: user.timeZone,
    };
  }
}
