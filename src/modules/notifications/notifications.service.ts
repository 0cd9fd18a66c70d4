import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { renderNotification, RenderedNotification } from '@libs/mailer';

import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { RequestException } from '@app/kernel/domain.exception';
import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';
import { Connection, paginate } from '@app/graphql/pagination';
import { Locale } from '@app/kernel/role.enum';

import {
  MarkNotificationsReadInput,
  MarkNotificationsReadResult,
  MyNotificationsArgs,
  NotificationPreference,
  UpdateNotificationPreferencesInput,
} from './dto/notification.dto';
import { NotificationPreferenceEntity } from './notification-preference.entity';
import { CRITICAL_KINDS, DeliveryStatus, NotificationChannel, NotificationKind } from './notification.enums';
import { NotificationEntity, NotificationParams } from './notification.entity';

/** Emails of fired rungs per batch job: one job, one claim and one snapshot of recipients per batch. */
export const EMAIL_BATCH_SIZE = 50;

/** The emails of one batch job (`email-batch.<batchId>`). */
export interface EmailBatch {
  batchId: string;
  notificationIds: string[];
  /** An armed rung's emails: the job waits until then (its fire time). */
  notBefore?: Date;
}

/** One notification to create; `dedupeKey` names its cause and recipient (e.g. `event.<id>.<user>`). */
export interface NotificationDraft {
  recipientUserId: string;
  kind: NotificationKind;
  dedupeKey: string;
  subjectType: string;
  subjectId: string;
  reference: string;
  params: NotificationParams;
  /** When what it tells of happened (the event's time), so a list shows notices in the order things happened. */
  createdAt?: Date;
  /** An armed rung's notification, written ahead: shown and emailed only from this instant (its fire time). */
  visibleAt?: Date;
}

/** Rows an armed rung wrote ahead of its time are left out until then (`visible_at`, null for everything else). */
const VISIBLE = '(notification.visibleAt IS NULL OR notification.visibleAt <= :now)';

const SUBJECT_PATH: Record<string, string> = {
  Case: 'cases',
  Task: 'tasks',
  Referral: 'referrals',
  CrossBorderRequest: 'cross-border-requests',
  RepatriationOperation: 'repatriation-operations',
  RepatriationMilestone: 'repatriation-milestones',
  ReintegrationPlan: 'reintegration-plans',
  FollowUpContact: 'follow-up-contacts',
  // The secretariat's page lists the exports a secretariat asked for.
  Export: 'secretariat/exports',
};

/** In-app notifications, preferences and what an email says. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Creates the notifications in the caller's transaction, honouring preferences (critical kinds ignore them).
   * A draft whose dedupe key exists already creates nothing. Returns the ids whose email is to be sent.
   */
  async create(manager: EntityManager, drafts: NotificationDraft[]): Promise<string[]> {
    const inserted = await this.insert(manager, drafts, false);
    return inserted.filter((row) => row.email_status === DeliveryStatus.PENDING).map((row) => row.id);
  }

  /**
   * As `create`, with the emails to send put in batches of EMAIL_BATCH_SIZE, one job each (the emails of fired
   * rungs, thousands at a time: issue 22). Each notification remembers its batch (`email_batch_id`).
   */
  async createInBatches(manager: EntityManager, drafts: NotificationDraft[]): Promise<EmailBatch[]> {
    const batches = new Map<string, string[]>();
    for (const row of await this.insert(manager, drafts, true)) {
      if (row.email_status !== DeliveryStatus.PENDING || !row.email_batch_id) continue;
      const ids = batches.get(row.email_batch_id);
      if (ids) ids.push(row.id);
      else batches.set(row.email_batch_id, [row.id]);
    }
    // Drafts of one call share their instant (an armed batch calls once per fire time).
    const notBefore = drafts[0]?.visibleAt;
    return [...batches].map(([batchId, notificationIds]) => ({ batchId, notificationIds, notBefore }));
  }

  private async insert(
    manager: EntityManager,
    drafts: NotificationDraft[],
    batched: boolean,
  ): Promise<{ id: string; email_status: DeliveryStatus; email_batch_id: string | null }[]> {
    if (drafts.length === 0) return [];
    // Critical kinds (escalations) cannot be muted: no preferences to read, one round trip less per rung.
    const mutable = drafts.filter((draft) => !CRITICAL_KINDS.includes(draft.kind));
    const muted =
      mutable.length > 0
        ? await this.mutedChannels(
            manager,
            mutable.map((draft) => draft.recipientUserId),
          )
        : new Map<string, Set<string>>();
    const rows: (NotificationDraft & {
      critical: boolean;
      inApp: boolean;
      emailStatus: DeliveryStatus;
      emailBatchId: string | null;
    })[] = [];
    let emails = 0;
    let batchId: string | null = null;
    for (const draft of drafts) {
      const critical = CRITICAL_KINDS.includes(draft.kind);
      const off = critical ? new Set<string>() : (muted.get(`${draft.recipientUserId}.${draft.kind}`) ?? new Set());
      const inApp = !off.has(NotificationChannel.IN_APP);
      const email = !off.has(NotificationChannel.EMAIL);
      if (!inApp && !email) continue;
      if (batched && email && emails++ % EMAIL_BATCH_SIZE === 0) batchId = randomUUID();
      rows.push({
        ...draft,
        critical,
        inApp,
        emailStatus: email ? DeliveryStatus.PENDING : DeliveryStatus.NOT_REQUESTED,
        emailBatchId: batched && email ? batchId : null,
      });
    }
    if (rows.length === 0) return [];
    // One statement over arrays (an escalation batch writes thousands): building a multi-row INSERT through the ORM
    // cost more CPU than PostgreSQL spent on it.
    return manager.query(
      `INSERT INTO notification (recipient_user_id, kind, critical, dedupe_key, subject_type, subject_id, reference,
         params, in_app, email_status, created_at, email_batch_id, visible_at, email_queued_at)
       SELECT n.recipient, n.kind::notification_kind, n.critical, n.dedupe_key, n.subject_type, n.subject_id,
         n.reference, n.params, n.in_app, n.email_status::notification_delivery_status, COALESCE(n.created_at, now()),
         n.batch, n.visible_at, COALESCE(n.visible_at, now())
       FROM unnest($1::uuid[], $2::text[], $3::boolean[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::jsonb[],
         $9::boolean[], $10::text[], $11::timestamptz[], $12::uuid[], $13::timestamptz[])
         AS n(recipient, kind, critical, dedupe_key, subject_type, subject_id, reference, params, in_app, email_status,
           created_at, batch, visible_at)
       ON CONFLICT DO NOTHING
       RETURNING id, email_status, email_batch_id`,
      [
        rows.map((row) => row.recipientUserId),
        rows.map((row) => row.kind),
        rows.map((row) => row.critical),
        rows.map((row) => row.dedupeKey),
        rows.map((row) => row.subjectType),
        rows.map((row) => row.subjectId),
        rows.map((row) => row.reference),
        rows.map((row) => JSON.stringify(row.params)),
        rows.map((row) => row.inApp),
        rows.map((row) => row.emailStatus),
        rows.map((row) => row.createdAt ?? null),
        rows.map((row) => row.emailBatchId),
        rows.map((row) => row.visibleAt ?? null),
      ],
    );
  }

  async listMine(
    actor: Actor,
    args: MyNotificationsArgs,
  ): Promise<Connection<NotificationEntity> & { unreadCount: number }> {
    const query = this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('notification')
      .where('notification.recipientUserId = :me AND notification.inApp', { me: actor.userId })
      .andWhere(VISIBLE, { now: this.clock.now() });
    if (args.unreadOnly) query.andWhere('notification.readAt IS NULL');
    const page = await paginate(query, args, {
      column: 'notification.createdAt',
      value: (row) => row.createdAt.toISOString(),
      descending: true,
    });
    return { ...page, unreadCount: await this.unreadCount(actor.userId) };
  }

  async unreadCount(userId: string): Promise<number> {
    return this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('notification')
      .where('notification.recipientUserId = :userId AND notification.inApp AND notification.readAt IS NULL', {
        userId,
      })
      .andWhere(VISIBLE, { now: this.clock.now() })
      .getCount();
  }

  async markRead(actor: Actor, input: MarkNotificationsReadInput, now: Date): Promise<MarkNotificationsReadResult> {
    if (!input.all && (!input.ids || input.ids.length === 0)) {
      throw RequestException.invalidInput('Invalid input: give ids, or all: true.', 'ids');
    }
    if (input.all && input.ids && input.ids.length > 0) {
      throw RequestException.invalidInput('Invalid input: give ids or all: true, not both.', 'all');
    }
    const query = this.dataSource
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: now })
      .where('recipient_user_id = :me AND read_at IS NULL', { me: actor.userId })
      .andWhere('(visible_at IS NULL OR visible_at <= :now)', { now });
    if (!input.all) query.andWhere('id IN (:...ids)', { ids: input.ids });
    const result = await query.execute();
    return { marked: result.affected ?? 0, unreadCount: await this.unreadCount(actor.userId) };
  }

  async preferences(userId: string): Promise<NotificationPreference[]> {
    const muted = await this.mutedChannels(this.dataSource.manager, [userId]);
    return Object.values(NotificationKind).map((kind) => {
      const critical = CRITICAL_KINDS.includes(kind);
      const off = critical ? new Set<string>() : (muted.get(`${userId}.${kind}`) ?? new Set());
      return {
        kind,
        critical,
        inApp: !off.has(NotificationChannel.IN_APP),
        email: !off.has(NotificationChannel.EMAIL),
      };
    });
  }

  async updatePreferences(actor: Actor, input: UpdateNotificationPreferencesInput): Promise<NotificationPreference[]> {
    input.changes.forEach((change, index) => {
      if (CRITICAL_KINDS.includes(change.kind) && !change.enabled) {
        throw RequestException.invalidInput(
          `Invalid input: ${change.kind} notifications are critical and cannot be turned off.`,
          `changes.${index}.enabled`,
        );
      }
    });
    if (input.changes.length > 0) {
      await this.dataSource
        .createQueryBuilder()
        .insert()
        .into(NotificationPreferenceEntity)
        .values(
          input.changes.map((change) => ({
            userId: actor.userId,
            kind: change.kind,
            channel: change.channel,
            enabled: change.enabled,
          })),
        )
        .orUpdate(['enabled', 'updated_at'], ['user_id', 'kind', 'channel'])
        .execute();
    }
    return this.preferences(actor.userId);
  }

  /** The notification as its reader sees it: subject, one-line summary, text and HTML, in their language. */
  render(notification: NotificationEntity, locale: Locale, timeZone: string): RenderedNotification {
    return renderNotification(notification.kind, locale, timeZone, {
      ...notification.params,
      reference: notification.reference,
      link: this.link(notification),
      preferencesLink: `${this.config.publicUrl}/settings/notifications`,
    });
  }

  link(notification: Pick<NotificationEntity, 'subjectType' | 'subjectId'>): string {
    const path = SUBJECT_PATH[notification.subjectType] ?? notification.subjectType.toLowerCase();
    return `${this.config.publicUrl}/${path}/${notification.subjectId}`;
  }

  /** `user.kind` -> channels turned off. */
  private async mutedChannels(manager: EntityManager, userIds: string[]): Promise<Map<string, Set<string>>> {
    const rows = await manager
      .getRepository(NotificationPreferenceEntity)
      .createQueryBuilder('preference')
      .where('preference.userId IN (:...userIds) AND NOT preference.enabled', { userIds: [...new Set(userIds)] })
      .getMany();
    const muted = new Map<string, Set<string>>();
    for (const row of rows) {
      const key = `${row.userId}.${row.kind}`;
      muted.set(key, (muted.get(key) ?? new Set()).add(row.channel));
    }
    return muted;
  }
}
