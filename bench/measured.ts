/**
 * Figures one benchmark measures and a later one needs, in the same run: the cost model is built
 * from the request counts, capacity units and sizes measured above it, never from constants.
 */
export interface Measured {
  /** Bytes of the API function's own log lines for one check-in (Powertools, part 2). */
  logBytesPerCheckin?: number;
  /** The app's CPU per check-in in process, ns (part 2, RS256 token). */
  appNsPerCheckin?: number;
  /** Per check-in, from the load test (part 4): DynamoDB requests and capacity units. */
  checkin?: {
    readonly requests: Record<string, number>;
    readonly readUnits: number;
    readonly writeUnits: number;
    /** DynamoDB round trips a check-in with a device id waits for in a row. */
    readonly roundTrips: number;
  };
  /** Daily report runs at scale (part 5). */
  reports?: {
    readonly employees: number;
    readonly wallMs: number;
    readonly readUnits: number;
    readonly writeUnits: number;
    readonly files: number;
    readonly fileBytes: number;
    readonly peakRssMb: number;
  }[];
}

export const measured: Measured = {};
