import {
  BatchGetCommand,
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  type PutCommandInput,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { StoreUnavailable } from '../../core/errors';
import { guard } from './errors';

export type Item = Record<string, unknown>;
export type Key = { pk: string; sk: string };

/** How many batch requests run at once during bulk reads and writes. */
const BATCH_PARALLELISM = 4;
/** Rounds of unprocessed items before giving up with a 503 (~2.5 s of backoff in all). */
const MAX_BATCH_ATTEMPTS = 8;

/**
 * The table, with the plumbing every repository needs: transient failures become
 * StoreUnavailable, batches are split to the service's limits and unprocessed items retried.
 */
export class TableClient {
  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly name: string,
  ) {}

  async get(key: Key, consistent = false): Promise<Item | null> {
    const out = await guard(() =>
      this.doc.send(new GetCommand({ TableName: this.name, Key: key, ConsistentRead: consistent })),
    );
    return out.Item ?? null;
  }

  async put(item: Item, extra: Omit<PutCommandInput, 'TableName' | 'Item'> = {}): Promise<void> {
    await guard(() =>
      this.doc.send(new PutCommand({ TableName: this.name, Item: storable(item), ...extra })),
    );
  }

  async update(input: Omit<UpdateCommandInput, 'TableName'>): Promise<Item | null> {
    const values = input.ExpressionAttributeValues;
    const out = await guard(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.name,
          ...input,
          ...(values ? { ExpressionAttributeValues: storable(values) } : {}),
        }),
      ),
    );
    return out.Attributes ?? null;
  }

  async query(input: Omit<QueryCommandInput, 'TableName'>) {
    const out = await guard(() =>
      this.doc.send(new QueryCommand({ TableName: this.name, ...input })),
    );
    return { items: out.Items ?? [], lastKey: out.LastEvaluatedKey };
  }

  async queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>) {
    const items: Item[] = [];
    let ExclusiveStartKey: Item | undefined;
    do {
      const page = await this.query({ ...input, ExclusiveStartKey });
      items.push(...page.items);
      ExclusiveStartKey = page.lastKey;
    } while (ExclusiveStartKey);
    return items;
  }

  /** Items by key, 100 to a BatchGetItem; missing keys are simply absent from the result. */
  async batchGet(keys: readonly Key[], consistent = false): Promise<Item[]> {
    const chunks = chunk(keys, 100);
    const found: Item[] = [];
    await inParallel(chunks, async (part) => {
      let pending: Item[] = [...part];
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 0) await backoff(attempt);
        if (attempt === MAX_BATCH_ATTEMPTS) throw new StoreUnavailable(2, 'keys left unprocessed');
        const out = await guard(() =>
          this.doc.send(
            new BatchGetCommand({
              RequestItems: { [this.name]: { Keys: pending, ConsistentRead: consistent } },
            }),
          ),
        );
        found.push(...(out.Responses?.[this.name] ?? []));
        pending = (out.UnprocessedKeys?.[this.name]?.Keys ?? []) as Item[];
      }
    });
    return found;
  }

  /**
   * Put many items, one PutItem each, 16 in flight. The API uses this, not BatchWriteItem, so
   * that its role needs no permission that could delete.
   */
  async putEach(items: readonly Item[]): Promise<void> {
    await inParallel(items, (item) => this.put(item), 16);
  }

  /**
   * Put many items, 25 to a BatchWriteItem, retrying unprocessed ones with backoff. For local
   * seeding and benchmarks only: a deployed function's role does not allow BatchWriteItem.
   */
  async batchPut(items: readonly Item[]): Promise<void> {
    await inParallel(chunk(items, 25), async (part) => {
      let requests = part.map((item) => ({ PutRequest: { Item: storable(item) } }));
      for (let attempt = 0; requests.length > 0; attempt++) {
        if (attempt > 0) await backoff(attempt);
        if (attempt === MAX_BATCH_ATTEMPTS) throw new StoreUnavailable(2, 'items left unprocessed');
        const out = await guard(() =>
          this.doc.send(new BatchWriteCommand({ RequestItems: { [this.name]: requests } })),
        );
        requests = (out.UnprocessedItems?.[this.name] ?? []) as typeof requests;
      }
    });
  }
}

/** The smallest magnitude DynamoDB stores; it refuses anything smaller with a ValidationException. */
const SMALLEST_NUMBER = 1e-130;

/**
 * The item with every number DynamoDB cannot store (0 < |x| < 1e-130, e.g. an accuracy of 5e-324
 * the schema lets through) written as 0. For metres, degrees and seconds that is the same value,
 * and the request succeeds instead of failing with a server error.
 */
export function storable<T>(value: T): T {
  if (typeof value === 'number') {
    return (value !== 0 && Math.abs(value) < SMALLEST_NUMBER ? 0 : value) as T;
  }
  if (Array.isArray(value)) return value.map(storable) as T;
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, storable(v)])) as T;
  }
  // Sets (string sets of devices and flags), binary values and the like go through unchanged.
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function isConditionFailure(err: unknown): boolean {
  return err instanceof Error && err.name === 'ConditionalCheckFailedException';
}

/**
 * The item a failed conditional write found, when it was asked for
 * (`ReturnValuesOnConditionCheckFailure: 'ALL_OLD'`) and the server sent it; else null.
 */
export function itemOfFailure(err: unknown): Item | null {
  const old = (err as { Item?: Parameters<typeof unmarshall>[0] }).Item;
  return old ? unmarshall(old) : null;
}

function chunk<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/**
 * `fn` over every part, `width` at a time. On the first failure no new part starts, and the error
 * is thrown once the parts already under way have settled: nothing is written after the caller
 * has been told the request failed.
 */
async function inParallel<T>(
  parts: readonly T[],
  fn: (part: T) => Promise<void>,
  width = BATCH_PARALLELISM,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < parts.length) {
      try {
        await fn(parts[next++] as T);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const settled = await Promise.allSettled(
    Array.from({ length: Math.min(width, parts.length) }, worker),
  );
  const failure = settled.find((r) => r.status === 'rejected');
  if (failure) throw failure.reason;
}

function backoff(attempt: number): Promise<void> {
  const ms = Math.min(1_000, 25 * 2 ** attempt) * (0.5 + Math.random() / 2);
  return new Promise((r) => setTimeout(r, ms));
}
