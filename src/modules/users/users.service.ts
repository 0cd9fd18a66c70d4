import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { AccessService } from '@app/auth/access.service';
import { Actor, hasRole } from '@app/auth/actor';
import { PasswordHasher, passwordProblem } from '@app/modules/users/password-hasher';
import { isUniqueViolation } from '@app/database/db-errors';
import { containsPattern } from '@app/kernel/sql';
import { lockForChange } from '@app/database/row-lock';
import { Connection, paginate } from '@app/graphql/pagination';
import { AgenciesService } from '@app/modules/agencies/agencies.service';
import { AuditService, diffFields } from '@app/modules/audit/audit.service';

import { ActorSourceService } from './actor-source.service';
import { CreateUserInput, DeactivateUserInput, UpdateUserInput, UsersArgs } from './dto/user.inputs';
import { Role } from '@app/kernel/role.enum';
import { UserErrorReason, UserException } from './user.exception';
import { UserEntity } from './user.entity';

const USER_FIELDS: (keyof UserEntity)[] = [
  'email',
  'displayName',
  'agencyId',
  'roles',
  'locale',
  'timeZone',
  'supervisorUserId',
  'active',
];

/** People and their roles. Staff details are visible within their agency and to administrators. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly agencies: AgenciesService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly actors: ActorSourceService,
  ) {}

  async me(actor: Actor): Promise<UserEntity> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: actor.userId });
    if (!user) throw UserException.notFound(actor.userId);
    return user;
  }

  /**
   * A user the actor may see (the staff rule: same agency, or an administrator). Another agency's user answers
   * exactly like an id that does not exist (same reason, same message), so nobody can probe who works where.
   */
  async findVisible(actor: Actor, id: string): Promise<UserEntity> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user || !this.access.canSeeAgencyStaff(actor, user.agencyId)) throw UserException.notFound(id);
    return user;
  }

  async list(actor: Actor, args: UsersArgs): Promise<Connection<UserEntity>> {
    const filter = args.filter ?? {};
    const query = this.dataSource.getRepository(UserEntity).createQueryBuilder('user');
    const agencyId = filter.agencyId ?? (hasRole(actor, Role.ADMINISTRATOR) ? undefined : actor.agencyId);
    if (agencyId) {
      // Another agency's staff list reads as empty rather than revealing who works there.
      if (!this.access.canSeeAgencyStaff(actor, agencyId)) query.andWhere('FALSE');
      query.andWhere('user.agencyId = :agencyId', { agencyId });
    }
    if (filter.role) query.andWhere(':role = ANY(user.roles)', { role: filter.role });
    if (filter.search) {
      query.andWhere('(user.displayName ILIKE :search OR user.email ILIKE :search)', {
        search: containsPattern(filter.search),
      });
    }
    return paginate(query, args, { column: 'user.email', value: (row) => row.email });
  }

  async createUser(actor: Actor, input: CreateUserInput): Promise<UserEntity> {
    const problem = passwordProblem(input.initialPassword);
    if (problem) {
      throw new UserException(UserErrorReason.WEAK_PASSWORD, `initialPassword ${problem}.`, 'initialPassword');
    }
    const passwordHash = await this.hasher.hash(input.initialPassword);
    return this.dataSource.transaction(async (manager) => {
      const agency = await this.agencies.findOne(input.agencyId, manager);
      if (!agency) {
        throw new UserException(
          UserErrorReason.USER_AGENCY_NOT_FOUND,
          `agencyId: agency ${input.agencyId} was not found.`,
          'agencyId',
        );
      }
      await this.requireSupervisor(manager, input.supervisorUserId);
      const { initialPassword: _p, ...fields } = input;
      const timeZone = fields.timeZone ?? agency.timeZone;
      const user = manager.create(UserEntity, {
        ...fields,
        roles: [...new Set(fields.roles)],
        timeZone,
        supervisorUserId: fields.supervisorUserId ?? null,
        passwordHash,
        active: true,
      });
      const saved = await this.saveUnique(manager, user);
      await this.audit.record(manager, actor, {
        operation: 'createUser',
        targetType: 'User',
        targetId: saved.id,
        changes: diffFields(null, saved, USER_FIELDS),
      });
      return saved;
    });
  }

  async updateUser(actor: Actor, input: UpdateUserInput): Promise<UserEntity> {
    const updated = await this.dataSource.transaction(async (manager) => {
      const user = await this.lockUser(manager, input.id);
      await this.requireSupervisor(manager, input.supervisorUserId, user.id);
      const before = { ...user };
      const { id: _id, ...changes } = input;
      Object.assign(user, changes, changes.roles ? { roles: [...new Set(changes.roles)] } : {});
      const saved = await manager.save(user);
      await this.audit.record(manager, actor, {
        operation: 'updateUser',
        targetType: 'User',
        targetId: saved.id,
        changes: diffFields(before, saved, USER_FIELDS),
      });
      return saved;
    });
    // After the commit: a request in between would remember the old roles again.
    this.actors.forget(updated.id);
    return updated;
  }

  async deactivateUser(actor: Actor, input: DeactivateUserInput): Promise<UserEntity> {
    if (input.id === actor.userId) {
      throw new UserException(UserErrorReason.CANNOT_DEACTIVATE_SELF, 'You cannot deactivate your own account.', 'id');
    }
    const deactivated = await this.dataSource.transaction(async (manager) => {
      const user = await this.lockUser(manager, input.id);
      if (!user.active)
        throw new UserException(UserErrorReason.USER_ALREADY_INACTIVE, 'This user is already inactive.');
      user.active = false;
      const saved = await manager.save(user);
      await this.audit.record(manager, actor, {
        operation: 'deactivateUser',
        targetType: 'User',
        targetId: saved.id,
        changes: { active: { before: true, after: false }, reason: { before: null, after: input.reason } },
      });
      return saved;
    });
    this.actors.forget(deactivated.id);
    return deactivated;
  }

  private lockUser(manager: EntityManager, id: string): Promise<UserEntity> {
    return lockForChange(manager, UserEntity, id, { notFound: () => UserException.notFound(id) });
  }

  private async requireSupervisor(manager: EntityManager, supervisorId?: string, selfId?: string): Promise<void> {
    if (!supervisorId) return;
    if (supervisorId === selfId || !(await manager.existsBy(UserEntity, { id: supervisorId }))) {
      throw new UserException(
        UserErrorReason.SUPERVISOR_NOT_FOUND,
        `supervisorUserId: no other user ${supervisorId} exists.`,
        'supervisorUserId',
      );
    }
  }

  private async saveUnique(manager: EntityManager, user: UserEntity): Promise<UserEntity> {
    try {
      return await manager.save(user);
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_app_user_email')) {
        throw new UserException(UserErrorReason.EMAIL_TAKEN, `Another account already uses ${user.email}.`, 'email');
      }
      throw error;
    }
  }
}
