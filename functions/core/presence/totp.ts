import { createHmac, randomBytes } from 'node:crypto';

/**
 * RFC 6238 TOTP (RFC 4226 HOTP over the time step), written out: a dozen lines that the RFC's
 * own test vectors check (test/core/presence/totp.test.ts). The ground's secret is raw bytes,
 * kept on the server only; nothing here ever encodes it for an authenticator app.
 */
export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export interface TotpOptions {
  readonly stepS?: number;
  readonly digits?: number;
  readonly algorithm?: TotpAlgorithm;
}

/** The kiosk's step: 30 s, RFC 6238's recommendation. */
export const STEP_S = 30;
export const DIGITS = 6;
/** 20 bytes: RFC 4226's recommended length for HMAC-SHA1. */
export const SECRET_BYTES = 20;

export function newSecret(): Buffer {
  return randomBytes(SECRET_BYTES);
}

/** The time step of an instant: floor(unix seconds / step). */
export function stepAt(epochMs: number, stepS = STEP_S): number {
  return Math.floor(epochMs / 1000 / stepS);
}

/** HOTP of a counter (RFC 4226 §5.3: dynamic truncation). */
export function hotp(
  secret: Uint8Array,
  counter: number,
  digits = DIGITS,
  algorithm: TotpAlgorithm = 'sha1',
): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, secret).update(msg).digest();
  const offset = (mac[mac.length - 1] as number) & 0x0f;
  const bin = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(bin % 10 ** digits).padStart(digits, '0');
}

/** The TOTP at an instant. */
export function totp(secret: Uint8Array, epochMs: number, o: TotpOptions = {}): string {
  return hotp(secret, stepAt(epochMs, o.stepS), o.digits, o.algorithm);
}
