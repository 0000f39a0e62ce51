import type { Attempt } from '../../core/model';
import type { AttemptLog } from '../../core/ports';
import { keys } from './table';
import type { TableClient } from './table-client';

/** Attempts in the employee's partition, under the day; each expires (TTL) with its raw fix. */
export class DynamoAttemptLog implements AttemptLog {
  constructor(private readonly table: TableClient) {}

  async put(attempt: Attempt): Promise<void> {
    // Two attempts in the same millisecond (a retry racing its original) keep both.
    const nonce = Math.random().toString(36).slice(2, 8);
    await this.table.put({
      ...keys.attempt(attempt.employeeId, attempt.date, attempt.receivedAt, nonce),
      type: 'attempt',
      ...attempt,
    });
  }
}
