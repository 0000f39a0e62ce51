import type { Appeal, AppealStatus } from '../appeals';

/** What saving an appeal did: stored anew, updated while open, or refused as already decided. */
export type SavedAppeal =
  | { readonly outcome: 'created' | 'updated'; readonly appeal: Appeal }
  | { readonly outcome: 'decided'; readonly appeal: Appeal };

export interface AppealQuery {
  /** In this order: each status's appeals oldest first, then the next status's. */
  readonly statuses: readonly AppealStatus[];
  /** Only these units (any case); absent: every unit. */
  readonly units?: readonly string[];
  readonly date?: string;
  readonly cursor?: string;
  readonly limit: number;
}

export interface AppealPage {
  readonly items: Appeal[];
  readonly cursor?: string;
}

export interface AppealRepository {
  /**
   * Store the appeal, or update the one under its id while that is open (claim, kind, reason,
   * updatedAt; createdAt stays). A decided appeal is never changed: it is returned as it stands.
   */
  save(appeal: Appeal): Promise<SavedAppeal>;
  get(appealId: string): Promise<Appeal | null>;
  /** An employee's appeals, newest date first (at most `limit`). */
  mine(employeeId: string, limit: number): Promise<Appeal[]>;
  /** A page of appeals in the inbox's order (core/appeals.ts, LIST_ORDER); a bad cursor → null. */
  list(query: AppealQuery): Promise<AppealPage | null>;
  /**
   * Decide an open appeal; null when it is not open (decided meanwhile, or unknown). Exactly one
   * of two racing decisions wins.
   */
  decide(
    appealId: string,
    decision: {
      readonly status: 'accepted' | 'rejected';
      readonly decidedBy: string;
      readonly decidedAt: string;
      readonly note: string;
    },
  ): Promise<Appeal | null>;
  /** Undo a decision whose consequence could not be recorded (the mark or excuse failed). */
  reopen(appealId: string, decidedAt: string): Promise<void>;
}
