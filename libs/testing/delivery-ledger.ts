import { DataSource } from 'typeorm';

import { SmtpSink } from './smtp-sink';

/**
 * What PostgreSQL says about a set of deliveries against what the mail server received: the figures of the fault
 * runs (lost, duplicated) and whether every item's state is true (no PENDING that was sent, no SENT that never
 * arrived, nothing FAILED that could still go out).
 */
export interface DeliveryLedger {
  /** Deliveries by state, e.g. { SENT: 1000 }. */
  states: Record<string, number>;
  /** Deliveries the mail server never received. */
  lost: string[];
  /** Extra copies received beyond the first, in total. */
  duplicates: number;
  /** Copies whose Message-ID is not the delivery's own (a resend must carry the same one). */
  foreignMessageIds: number;
  /** Recorded SENT but never received. */
  sentNotReceived: string[];
  /** Received but not recorded SENT. */
  receivedNotSent: string[];
}

function ledger(
  rows: { id: string; status: string }[],
  copiesOf: (id: string) => { messageId: string }[],
  messageId: (id: string) => string,
): DeliveryLedger {
  const result: DeliveryLedger = {
    states: {},
    lost: [],
    duplicates: 0,
    foreignMessageIds: 0,
    sentNotReceived: [],
    receivedNotSent: [],
  };
  for (const row of rows) {
    result.states[row.status] = (result.states[row.status] ?? 0) + 1;
    const copies = copiesOf(row.id);
    if (copies.length === 0) result.lost.push(row.id);
    result.duplicates += Math.max(0, copies.length - 1);
    result.foreignMessageIds += copies.filter((copy) => copy.messageId !== messageId(row.id)).length;
    if (row.status === 'SENT' && copies.length === 0) result.sentNotReceived.push(row.id);
    if (row.status !== 'SENT' && copies.length > 0) result.receivedNotSent.push(row.id);
  }
  return result;
}

/** The ledger of the notification emails matching `where` (SQL on `notification n`). */
export async function emailLedger(
  dataSource: DataSource,
  sink: SmtpSink,
  where: string,
  params: unknown[],
): Promise<DeliveryLedger & { total: number }> {
  const rows: { id: string; status: string }[] = await dataSource.query(
    `SELECT n.id, n.email_status::text AS status FROM notification n WHERE ${where}`,
    params,
  );
  const byId = new Map<string, { messageId: string }[]>();
  for (const mail of sink.received) {
    if (mail.notificationId) byId.set(mail.notificationId, [...(byId.get(mail.notificationId) ?? []), mail]);
  }
  return {
    total: rows.length,
    ...ledger(
      rows,
      (id) => byId.get(id) ?? [],
      (id) => `<${id}@notification.simpul>`,
    ),
  };
}

/** The ledger of the digest runs of one ISO week. */
export async function digestLedger(
  dataSource: DataSource,
  sink: SmtpSink,
  isoWeek: string,
): Promise<DeliveryLedger & { total: number }> {
  const rows: { id: string; status: string }[] = await dataSource.query(
    `SELECT id, status::text AS status FROM digest_run WHERE iso_week = $1`,
    [isoWeek],
  );
  const byId = new Map<string, { messageId: string }[]>();
  for (const mail of sink.received) {
    if (mail.digestRunId) byId.set(mail.digestRunId, [...(byId.get(mail.digestRunId) ?? []), mail]);
  }
  return {
    total: rows.length,
    ...ledger(
      rows,
      (id) => byId.get(id) ?? [],
      (id) => `<${id}@digest.simpul>`,
    ),
  };
}
