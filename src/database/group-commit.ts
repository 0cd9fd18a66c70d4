/**
 * Writes entries in groups: an entry added while a write runs waits for the next one, which takes everything that
 * gathered meanwhile (a group commit). A sender with ten messages at the mail server at once then commits their
 * SENT in one statement and one WAL flush, not ten. `add` resolves once the write that holds the entry has committed,
 * and rejects with that write's error, so each caller still learns the fate of its own entry.
 */
export class GroupCommit<T> {
  private readonly waiting: { entry: T; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private writing: Promise<void> | undefined;

  constructor(private readonly write: (entries: T[]) => Promise<void>) {}

  add(entry: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ entry, resolve, reject });
      this.writing ??= this.writeWaiting().finally(() => (this.writing = undefined));
    });
  }

  private async writeWaiting(): Promise<void> {
    while (this.waiting.length > 0) {
      const group = this.waiting.splice(0);
      try {
        await this.write(group.map((waiting) => waiting.entry));
        for (const waiting of group) waiting.resolve();
      } catch (error) {
        for (const waiting of group) waiting.reject(error);
      }
    }
  }
}
