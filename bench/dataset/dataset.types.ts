/** What the generator tells the scenarios about the dataset it loaded. */
export interface BenchDataset {
  /** The password of every generated user (one argon2 hash computed once and shared). */
  password: string;
  /**
   * The liaison whose `myWorkQueue` benchmarks A and D read: a liaison of a regency-level agency office with
   * an ordinary share of the work (not the busiest office, not an empty one).
   */
  liaison: { userId: string; email: string; agencyId: string };
  /** Rows loaded per table, for the results file. */
  counts: Record<string, number>;
  /** How long each loading step took, in ms. */
  loadMs: Record<string, number>;
}
