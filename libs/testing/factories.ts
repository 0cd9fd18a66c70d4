import { randomUUID } from 'node:crypto';

import { INestApplicationContext, Type } from '@nestjs/common';

import { Actor } from '@app/auth/actor';
import { AgenciesService } from '@app/modules/agencies/agencies.service';
import { AgencyCapability, AgencyType } from '@app/modules/agencies/agency.enums';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { CaseEntity } from '@app/modules/cases/case.entity';
import { ExploitationType, IntakeChannel } from '@app/modules/cases/case.enums';
import { CasesService } from '@app/modules/cases/cases.service';
import { OpenCaseInput } from '@app/modules/cases/dto/case.inputs';
import { CrossBorderRequestEntity } from '@app/modules/cross-border/cross-border-request.entity';
import { RequestCategory, RequestChannel } from '@app/modules/cross-border/cross-border.enums';
import { CrossBorderService } from '@app/modules/cross-border/cross-border.service';
import { DraftCrossBorderRequestInput } from '@app/modules/cross-border/dto/cross-border.inputs';
import { AgreementCommitmentEntity } from '@app/modules/legal-instruments/agreement-commitment.entity';
import {
  AddAgreementCommitmentInput,
  CreateLegalInstrumentInput,
} from '@app/modules/legal-instruments/dto/legal-instrument.inputs';
import { LegalInstrumentEntity } from '@app/modules/legal-instruments/legal-instrument.entity';
import { LegalInstrumentKind } from '@app/modules/legal-instruments/legal-instrument.enums';
import { LegalInstrumentsService } from '@app/modules/legal-instruments/legal-instruments.service';
import { ProposeReferralInput } from '@app/modules/referrals/dto/referral.inputs';
import { ReferralEntity } from '@app/modules/referrals/referral.entity';
import { ReferralService } from '@app/modules/referrals/referral.enums';
import { ReferralsService } from '@app/modules/referrals/referrals.service';
import { CreateMembershipInput, CreateTaskForceUnitInput } from '@app/modules/task-forces/dto/task-force.inputs';
import { MembershipEntity } from '@app/modules/task-forces/membership.entity';
import { TaskForceUnitEntity } from '@app/modules/task-forces/task-force-unit.entity';
import { MembershipRole, TaskForceLevel } from '@app/modules/task-forces/task-force.enums';
import { TaskForcesService } from '@app/modules/task-forces/task-forces.service';
import { CreateTaskInput } from '@app/modules/tasks/dto/task.inputs';
import { TaskForceDuty, TaskPillar } from '@app/modules/tasks/task.enums';
import { TaskEntity } from '@app/modules/tasks/task.entity';
import { TasksService } from '@app/modules/tasks/tasks.service';
import { Locale, Role } from '@app/kernel/role.enum';
import { UserEntity } from '@app/modules/users/user.entity';
import { UsersService } from '@app/modules/users/users.service';
import { ConsentEntity } from '@app/modules/victims/consent.entity';
import { RecordConsentInput, RegisterVictimInput } from '@app/modules/victims/dto/victim.inputs';
import { AgeBand, ConsentMethod, ConsentPurpose, Sex } from '@app/modules/victims/victim.enums';
import { VictimEntity } from '@app/modules/victims/victim.entity';
import { VictimsService } from '@app/modules/victims/victims.service';

export const TEST_PASSWORD = 'Test-password-2026!';

/** A unique suffix so tests sharing one database never collide. */
export const unique = (): string => randomUUID().slice(0, 8).toUpperCase();

/** The person acting, as a resolver would pass them to a service: who they are and the agency they act for. */
export function actorOf(user: Pick<UserEntity, 'id' | 'agencyId' | 'roles' | 'locale' | 'timeZone'>): Actor {
  return { userId: user.id, agencyId: user.agencyId, roles: user.roles, locale: user.locale, timeZone: user.timeZone };
}

export type AgencyOverrides = Partial<
  Pick<
    AgencyEntity,
    | 'code'
    | 'nameId'
    | 'nameEn'
    | 'acronym'
    | 'aliases'
    | 'type'
    | 'country'
    | 'capabilities'
    | 'timeZone'
    | 'parentAgencyId'
    | 'predecessorAgencyId'
    | 'active'
  >
> & { regionCode?: string };

export type UserOverrides = Partial<
  Pick<UserEntity, 'email' | 'displayName' | 'agencyId' | 'locale' | 'timeZone' | 'supervisorUserId' | 'active'>
>;

/**
 * Builds test data the way people do: every record goes through the service method its GraphQL mutation calls,
 * with the checks, history, audit entries, outbox events and escalation ladders that come with it. Defaults
 * fill in everything a test does not name, so a test passes only what it is about. Reference data (agencies,
 * users, units, memberships, instruments) is set up by a task-force administrator; work (tasks, cases, victims,
 * consents, referrals, cross-border requests) is done by the `actor` given, usually `actorOf(someUser)`.
 *
 * Time comes from the app's clock: to make something overdue, create it with a FixedClock set in the past
 * (TestApp.start(env, { clock })) and move the clock on, never by writing the tables.
 */
export class Factories {
  private readonly context: INestApplicationContext;
  private administratorActor: Promise<Actor> | undefined;

  /** `app`: a running TestApp (or any Nest context holding the API's services). */
  constructor(app: { app: INestApplicationContext } | INestApplicationContext) {
    this.context = 'app' in app ? app.app : app;
  }

  /** A service of the running app, e.g. `factories.service(TasksService)`. */
  service<T>(type: Type<T>): T {
    return this.context.get(type, { strict: false });
  }

  /**
   * The administrator who sets up reference data in tests: a real account, created once per Factories. There is
   * no API for a database's first administrator (an installation makes it), so that one account is recorded in
   * the audit trail as created by a setup identity that is not an account.
   */
  administrator(): Promise<Actor> {
    this.administratorActor ??= (async () => {
      const setup: Actor = {
        userId: randomUUID(),
        agencyId: randomUUID(),
        roles: [Role.ADMINISTRATOR],
        locale: Locale.EN,
        timeZone: 'Asia/Jakarta',
      };
      const agency = await this.service(AgenciesService).createAgency(setup, agencyInput({}));
      const admin = await this.service(UsersService).createUser(setup, {
        email: `admin-${unique().toLowerCase()}@test.simpul.id`,
        displayName: 'Test Administrator',
        agencyId: agency.id,
        roles: [Role.ADMINISTRATOR],
        locale: Locale.EN,
        timeZone: 'Asia/Jakarta',
        initialPassword: TEST_PASSWORD,
      });
      return actorOf(admin);
    })();
    return this.administratorActor;
  }

  async agency(overrides: AgencyOverrides = {}): Promise<AgencyEntity> {
    const admin = await this.administrator();
    const { active, ...fields } = overrides;
    const agency = await this.service(AgenciesService).createAgency(admin, agencyInput(fields));
    if (active !== false) return agency;
    return this.service(AgenciesService).deactivateAgency(admin, { id: agency.id, reason: 'Closed (test setup).' });
  }

  /** A user with TEST_PASSWORD (log in with it); creates an agency when none is given. */
  async user(roles: Role[], overrides: UserOverrides = {}): Promise<UserEntity> {
    const admin = await this.administrator();
    const { active, ...fields } = overrides;
    const user = await this.service(UsersService).createUser(admin, {
      email: `user-${unique().toLowerCase()}@test.simpul.id`,
      displayName: 'Test User',
      locale: Locale.ID,
      timeZone: 'Asia/Jakarta',
      ...fields,
      agencyId: fields.agencyId ?? (await this.agency()).id,
      roles,
      supervisorUserId: fields.supervisorUserId ?? undefined,
      initialPassword: TEST_PASSWORD,
    });
    if (active !== false) return user;
    return this.service(UsersService).deactivateUser(admin, { id: user.id, reason: 'Left the agency (test setup).' });
  }

  /** A national task-force unit unless a level (and its parent) is given. */
  async unit(overrides: Partial<CreateTaskForceUnitInput> = {}): Promise<TaskForceUnitEntity> {
    const code = overrides.code ?? `UNIT-${unique()}`;
    return this.service(TaskForcesService).createUnit(await this.administrator(), {
      code,
      nameId: `Gugus Tugas Uji ${code}`,
      nameEn: `Test Task Force ${code}`,
      level: TaskForceLevel.NATIONAL,
      timeZone: 'Asia/Jakarta',
      ...overrides,
    });
  }

  /** A MEMBER since 2020 unless said otherwise. */
  async membership(
    input: Pick<CreateMembershipInput, 'unitId' | 'agencyId'> & Partial<CreateMembershipInput>,
  ): Promise<MembershipEntity> {
    return this.service(TaskForcesService).createMembership(await this.administrator(), {
      role: MembershipRole.MEMBER,
      validFrom: '2020-01-01',
      ...input,
    });
  }

  /** An MoU; `partyAgencyIds` are the agencies it binds (a cross-border request's basis binds the counterpart). */
  async legalInstrument(overrides: Partial<CreateLegalInstrumentInput> = {}): Promise<LegalInstrumentEntity> {
    const code = overrides.code ?? `TEST-MOU-${unique()}`;
    return this.service(LegalInstrumentsService).createInstrument(await this.administrator(), {
      code,
      kind: LegalInstrumentKind.MOU,
      titleId: `Nota Kesepahaman ${code}`,
      titleEn: `Memorandum of Understanding ${code}`,
      ...overrides,
    });
  }

  async commitment(
    input: Pick<AddAgreementCommitmentInput, 'instrumentId'> & Partial<AddAgreementCommitmentInput>,
  ): Promise<AgreementCommitmentEntity> {
    const code = input.code ?? `TEST-AREA-${unique()}`;
    return this.service(LegalInstrumentsService).addCommitment(await this.administrator(), {
      code,
      titleId: `Bidang kerja sama ${code}`,
      titleEn: `Cooperation area ${code}`,
      ...input,
    });
  }

  /** A task `actor`'s agency asks of another, due in 5 working days unless said otherwise. */
  task(actor: Actor, input: Pick<CreateTaskInput, 'assigneeAgencyId'> & Partial<CreateTaskInput>): Promise<TaskEntity> {
    return this.service(TasksService).createTask(actor, {
      title: 'Share the list of returnees from Malaysia',
      pillar: TaskPillar.PROTECTION,
      duty: TaskForceDuty.VICTIM_MONITORING,
      due: { workingDays: 5 },
      ...input,
    });
  }

  /** A case led by `actor`'s agency in a unit (a new national unit unless one is given). */
  async case(actor: Actor, input: Partial<OpenCaseInput> = {}): Promise<CaseEntity> {
    return this.service(CasesService).openCase(actor, {
      exploitationTypes: [ExploitationType.FORCED_CRIMINALITY],
      intakeChannel: IntakeChannel.EMBASSY,
      ...input,
      unitId: input.unitId ?? (await this.unit()).id,
    });
  }

  /** A person registered by `actor`'s agency, with an identity of their own (no duplicate or close match). */
  victim(actor: Actor, input: Partial<RegisterVictimInput> = {}): Promise<VictimEntity> {
    const suffix = unique();
    return this.service(VictimsService).registerVictim(actor, {
      identity: { fullName: `Orang Uji ${suffix}`, dateOfBirth: '1994-05-17', passportNumber: `T${suffix}` },
      sex: Sex.FEMALE,
      ageBand: AgeBand.ADULT_25_34,
      nationality: 'ID',
      ...input,
    });
  }

  /** Consent, recorded by the owning agency's `actor`, for a service referral unless another purpose is given. */
  consent(
    actor: Actor,
    input: Pick<RecordConsentInput, 'victimId' | 'recipientAgencyId'> & Partial<RecordConsentInput>,
  ): Promise<ConsentEntity> {
    return this.service(VictimsService).recordConsent(actor, {
      purpose: ConsentPurpose.SERVICE_REFERRAL,
      method: ConsentMethod.WRITTEN_SIGNED,
      ...input,
    });
  }

  /** A referral proposed by `actor`; the service is the provider's first capability unless given. */
  async referral(
    actor: Actor,
    input: Pick<ProposeReferralInput, 'victimId' | 'recipientAgencyId'> & Partial<ProposeReferralInput>,
  ): Promise<ReferralEntity> {
    const provider = await this.service(AgenciesService).findById(input.recipientAgencyId);
    return this.service(ReferralsService).proposeReferral(actor, {
      service: (provider.capabilities[0] as string as ReferralService) ?? ReferralService.MEDICAL,
      ...input,
    });
  }

  /**
   * A cross-border request `actor` drafts to a counterpart (of the counterpart's country), submitted unless
   * `submit: false`.
   */
  async crossBorderRequest(
    actor: Actor,
    input: Pick<DraftCrossBorderRequestInput, 'counterpartAgencyId'> & Partial<DraftCrossBorderRequestInput>,
    options: { submit?: boolean } = {},
  ): Promise<CrossBorderRequestEntity> {
    const counterpart = await this.service(AgenciesService).findById(input.counterpartAgencyId);
    const service = this.service(CrossBorderService);
    const draft = await service.draftCrossBorderRequest(actor, {
      counterpartCountry: counterpart.country,
      channel: RequestChannel.IMMIGRATION_ATTACHE,
      category: RequestCategory.TRAVEL_DOCUMENT_VERIFICATION,
      subject: 'Verify the travel documents of returnees',
      body: 'Please verify the travel documents of the people listed by code.',
      ...input,
    });
    if (options.submit === false) return draft;
    return service.submitCrossBorderRequest(actor, { id: draft.id });
  }
}

function agencyInput(overrides: Omit<AgencyOverrides, 'active'>) {
  const code = overrides.code ?? `TEST-${unique()}`;
  return {
    nameId: `Lembaga Uji ${code}`,
    nameEn: `Test Agency ${code}`,
    acronym: code,
    aliases: [],
    type: AgencyType.GOVERNMENT_AGENCY,
    country: 'ID',
    capabilities: [] as AgencyCapability[],
    timeZone: 'Asia/Jakarta',
    ...overrides,
    code,
    parentAgencyId: overrides.parentAgencyId ?? undefined,
    predecessorAgencyId: overrides.predecessorAgencyId ?? undefined,
  };
}
