import { type AuditRepository, auditKey, type StoredAuditEntry } from '../../functions/core/audit';

/**
 * The audit log in memory: the fake the contract suite (store-contract-audit.ts) holds to the
 * same rules as the DynamoDB adapter. `entries` is the log as appended, for tests to read.
 */
export function memoryAudit(entries: StoredAuditEntry[] = []): AuditRepository & {
  readonly entries: StoredAuditEntry[];
} {
  return {
    entries,
    async append(added) {
      for (const e of added) {
        if (entries.some((x) => auditKey(x) === auditKey(e))) continue;
        entries.push(structuredClone(e));
      }
    },
    async search(q) {
      const hits = entries
        .filter(
          (e) =>
            e.at >= q.from &&
            e.at < q.to &&
            (q.actor === undefined || e.actor === q.actor) &&
            (q.subject === undefined || e.subject === q.subject) &&
            (q.after === undefined || auditKey(e) < q.after),
        )
        .sort((a, b) => (auditKey(a) < auditKey(b) ? 1 : -1));
      return {
        items: hits.slice(0, q.limit).map((e) => structuredClone(e)),
        more: hits.length > q.limit,
      };
    },
  };
}
