/**
 * Whether work that can wait (email delivery, the outbox relay) holds back now for a backlog of due rungs, from how
 * long the hold lasts and since when holds have followed each other: a hold that outlives `atMostMs` (a stuck holder,
 * an endless storm) is ignored until it lapses, so nothing stops for long. Pure, so its rule is read (and tested)
 * apart from timers and Redis.
 */
export class GiveWayRule {
  private heldSince: number | undefined;
  private ignoring = false;

  constructor(private readonly atMostMs: number) {}

  /** `heldMs`: the hold's time to live now (0 or less: none). Returns whether to give way. */
  observe(heldMs: number, now: number): boolean {
    if (heldMs <= 0) {
      this.heldSince = undefined;
      this.ignoring = false;
      return false;
    }
    this.heldSince ??= now;
    if (now - this.heldSince > this.atMostMs) this.ignoring = true;
    return !this.ignoring;
  }

  /** Gave way as long as it may and is going on beside the hold. */
  get overridden(): boolean {
    return this.ignoring;
  }
}
