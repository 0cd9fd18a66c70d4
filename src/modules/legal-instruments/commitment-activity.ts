import { EntityManager } from 'typeorm';

/**
 * Records that something linked to a commitment moved (a task, a cross-border request): its last activity
 * becomes `at`, and a STALLED commitment is ACTIVE again. Runs in the caller's transaction.
 */
export async function recordCommitmentActivity(manager: EntityManager, commitmentId: string, at: Date): Promise<void> {
  await manager.query(
    `UPDATE agreement_commitment
     SET last_activity_at = GREATEST(COALESCE(last_activity_at, $2), $2),
         status = CASE WHEN status = 'STALLED' THEN 'ACTIVE'::commitment_status ELSE status END
     WHERE id = $1`,
    [commitmentId, at],
  );
}
