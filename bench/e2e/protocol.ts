/** Messages between the load test and its server process. */
export type ToServer =
  | { kind: 'day'; offset: number }
  | { kind: 'counts' }
  /** The DynamoDB requests sent since the last count or timings, with their times. */
  | { kind: 'timings' };

export type FromServer =
  | { kind: 'ready'; url: string; dynamoEndpoint: string; tableName: string }
  | { kind: 'ok' }
  | {
      kind: 'timings';
      /** Each request's operation, when it left the SDK and when its answer came (ms, monotonic). */
      requests: { op: string; startMs: number; endMs?: number }[];
    }
  | {
      kind: 'counts';
      /** DynamoDB requests the app sent since the last count, by operation. */
      ops: Record<string, number>;
      /** CPU time of the server process since the last count (user + system), ms. */
      cpuMs: number;
      /** Wall time since the last count, ms. */
      wallMs: number;
      /** Capacity units DynamoDB reported for the app's requests since the last count. */
      readUnits: number;
      writeUnits: number;
    };
