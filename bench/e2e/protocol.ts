/** Messages between the load test and its server process. */
export type ToServer = { kind: 'day'; offset: number } | { kind: 'counts' };

export type FromServer =
  | { kind: 'ready'; url: string; dynamoEndpoint: string; tableName: string }
  | { kind: 'ok' }
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
