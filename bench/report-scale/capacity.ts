import type { AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';

/**
 * An item's size as DynamoDB bills it: attribute names plus values (strings as UTF-8, numbers
 * about one byte per two digits plus one, 3 bytes of overhead per list or map plus one per
 * element). https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html
 */
export function itemSize(item: Record<string, AttributeValue>): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) size += utf8(name) + valueSize(value);
  return size;
}

function utf8(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

function numberSize(n: string): number {
  const digits = n.replace(/^[-+]?0*/, '').replace(/[.eE].*$/, (m) => m.replace(/[^0-9]/g, ''));
  return Math.ceil(Math.max(1, digits.replace(/0+$/, '').length) / 2) + 1;
}

function valueSize(v: AttributeValue): number {
  if (v.S !== undefined) return utf8(v.S);
  if (v.N !== undefined) return numberSize(v.N);
  if (v.B !== undefined) return v.B.length;
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.SS) return v.SS.reduce((a, s) => a + utf8(s), 0);
  if (v.NS) return v.NS.reduce((a, n) => a + numberSize(n), 0);
  if (v.L) return 3 + v.L.reduce((a, x) => a + 1 + valueSize(x), 0);
  if (v.M) return 3 + Object.keys(v.M).length + itemSize(v.M);
  return 0;
}

export interface Meter {
  /** DynamoDB requests by operation (GetItem, Query, …). */
  readonly requests: Record<string, number>;
  /** Capacity units DynamoDB reported (ReturnConsumedCapacity: TOTAL), reads and writes apart. */
  consumedRead: number;
  consumedWrite: number;
  /** Bytes of the items read, and the read units they imply at 4 KB a unit with no rounding. */
  bytesRead: number;
  minimumRead: number;
}

const READS = new Set(['GetItemCommand', 'BatchGetItemCommand', 'QueryCommand', 'ScanCommand']);

type Plain = Record<string, unknown>;
type Output = {
  ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[];
  Item?: Plain;
  Items?: Plain[];
  Responses?: Record<string, Plain[]>;
};
const MARSHALL = { removeUndefinedValues: true, convertClassInstanceToMap: true };

/**
 * Ask every request for its consumed capacity and add it up, with the sizes of the items read:
 * SDK middleware on the client under a document client (its requests and answers are seen before
 * marshalling and after unmarshalling).
 */
export function meter(client: Pick<DynamoDBClient, 'middlewareStack'>): Meter {
  const m: Meter = {
    requests: {},
    consumedRead: 0,
    consumedWrite: 0,
    bytesRead: 0,
    minimumRead: 0,
  };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { ReturnConsumedCapacity?: string; ConsistentRead?: boolean };
      input.ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const name = context.commandName ?? 'unknown';
      const op = name.replace(/Command$/, '');
      m.requests[op] = (m.requests[op] ?? 0) + 1;
      const out = result.output as Output;
      const units = [out.ConsumedCapacity ?? []]
        .flat()
        .reduce((a, c) => a + (c.CapacityUnits ?? 0), 0);
      if (READS.has(name)) {
        m.consumedRead += units;
        const items = [
          ...(out.Item ? [out.Item] : []),
          ...(out.Items ?? []),
          ...Object.values(out.Responses ?? {}).flat(),
        ];
        // The document client has unmarshalled them by now: back to DynamoDB's form to size them.
        const bytes = items.reduce((a, i) => a + itemSize(marshall(i, MARSHALL)), 0);
        m.bytesRead += bytes;
        m.minimumRead += (bytes / 4096) * (input.ConsistentRead ? 1 : 0.5);
      } else {
        m.consumedWrite += units;
      }
      return result;
    },
    { step: 'initialize', name: 'benchCapacityMeter' },
  );
  return m;
}
