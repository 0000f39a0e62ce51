/**
 * Who is calling, as the HTTP app needs to know it. The JWT adapter (adapters/jwt.ts) makes a
 * Verifier; the HTTP app only calls one, so it never imports the adapter.
 */
export interface Principal {
  /** The roster id, from the configured claim; never from a request body. */
  readonly employeeId: string;
  readonly admin: boolean;
}

/** Turns a bearer token into its principal, or throws Unauthorized / AuthUnavailable. */
export type Verifier = (token: string) => Promise<Principal>;
