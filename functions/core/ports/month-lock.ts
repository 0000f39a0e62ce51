/**
 * A month's lock (core/month-lock.ts), as stored in the DynamoDB table or the tests' memory:
 * locked, or unlocked again (with who, when and why).
 */
export interface MonthLock {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly locked: boolean;
  readonly lockedAt: string;
  readonly lockedBy: string;
  readonly unlockedAt?: string;
  readonly unlockedBy?: string;
  readonly reason?: string;
}

export interface MonthLockRepository {
  /** The month's lock as it stands (read consistently), or null when it was never locked. */
  get(month: string): Promise<MonthLock | null>;
  /**
   * Lock the month unless it is locked: a conditional write, so two admins locking at once
   * leave one lock. Returns the lock that stands (`created` false: it was locked already).
   */
  lock(
    month: string,
    by: { by: string; at: string },
  ): Promise<{ created: boolean; lock: MonthLock }>;
  /** Unlock a locked month; null when it is not locked (never was, or unlocked already). */
  unlock(month: string, by: { by: string; at: string; reason: string }): Promise<MonthLock | null>;
}
