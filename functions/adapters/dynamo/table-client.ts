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
import { guard } from './errors';

export type Item = Record<string, unknown>;
export type Key = { pk: string; sk: string };

/** How many batch requests run at once during bulk reads and writes. */
const BATCH_PARALLELISM = 4;

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
  async batchGet(keys: readonly Key[]): Promise<Item[]> {
    const chunks = chunk(keys, 100);
    const found: Item[] = [];
    await inParallel(chunks, async (part) => {
      let pending: Item[] = [...part];
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 0) await backoff(attempt);
        const out = await guard(() =>
          this.doc.send(new BatchGetCommand({ RequestItems: { [this.name]: { Keys: pending } } })),
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
    let next = 0;
    const worker = async () => {
      while (next < items.length) await this.put(items[next++] as Item);
    };
    await Promise.all(Array.from({ length: Math.min(16, items.length) }, worker));
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

function chunk<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

async function inParallel<T>(parts: readonly T[], fn: (part: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < parts.length) await fn(parts[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(BATCH_PARALLELISM, parts.length) }, worker));
}

function backoff(attempt: number): Promise<void> {
  const ms = Math.min(1_000, 25 * 2 ** attempt) * (0.5 + Math.random() / 2);
  return new Promise((r) => setTimeout(r, ms));
}
