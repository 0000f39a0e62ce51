import type { JsonWebKey } from 'node:crypto';

/**
 * The little CBOR (RFC 8949) a passkey needs read back: its COSE public key (RFC 9053) as a
 * JWK for node:crypto, and the length of authenticator extensions. Definite lengths only, as
 * WebAuthn's CTAP2 canonical encoding has them.
 */

type Cbor = number | string | Uint8Array | boolean | null | Cbor[] | Map<Cbor, Cbor>;

class Reader {
  pos = 0;
  constructor(private readonly b: Uint8Array) {}

  get done(): boolean {
    return this.pos === this.b.length;
  }

  private byte(): number {
    const v = this.b[this.pos++];
    if (v === undefined) throw new Error('cbor: truncated');
    return v;
  }

  private length(info: number): number {
    if (info < 24) return info;
    let n = 0;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : 0;
    if (size === 0) throw new Error('cbor: unsupported length');
    for (let i = 0; i < size; i++) n = n * 256 + this.byte();
    return n;
  }

  private take(n: number): Uint8Array {
    if (this.pos + n > this.b.length) throw new Error('cbor: truncated');
    const out = this.b.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  item(depth = 0): Cbor {
    if (depth > 8) throw new Error('cbor: too deep');
    const head = this.byte();
    const major = head >> 5;
    const info = head & 31;
    switch (major) {
      case 0:
        return this.length(info);
      case 1:
        return -1 - this.length(info);
      case 2:
        return this.take(this.length(info));
      case 3:
        return Buffer.from(this.take(this.length(info))).toString('utf8');
      case 4:
        return Array.from({ length: this.length(info) }, () => this.item(depth + 1));
      case 5: {
        const m = new Map<Cbor, Cbor>();
        for (let n = this.length(info); n > 0; n--)
          m.set(this.item(depth + 1), this.item(depth + 1));
        return m;
      }
      case 7:
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22) return null;
        throw new Error('cbor: unsupported simple value');
      default:
        throw new Error('cbor: unsupported type');
    }
  }
}

/** True when `bytes` is exactly one CBOR item (the extensions after an assertion's 37 bytes). */
export function isOneCborItem(bytes: Uint8Array): boolean {
  try {
    const r = new Reader(bytes);
    r.item();
    return r.done;
  } catch {
    return false;
  }
}

const b64u = (v: Cbor | undefined) =>
  v instanceof Uint8Array ? Buffer.from(v).toString('base64url') : null;

/**
 * The COSE key as a JWK and the hash its signatures use (null: EdDSA hashes itself), for the
 * three algorithms registration offers by default: ES256 (-7), EdDSA (-8) and RS256 (-257).
 * Null for anything else.
 */
export function coseKeyOf(bytes: Uint8Array): { jwk: JsonWebKey; hash: string | null } | null {
  let m: Cbor;
  try {
    const r = new Reader(bytes);
    m = r.item();
    if (!r.done) return null;
  } catch {
    return null;
  }
  if (!(m instanceof Map)) return null;
  const kty = m.get(1);
  const alg = m.get(3);
  if (kty === 2 && alg === -7 && m.get(-1) === 1) {
    const x = b64u(m.get(-2));
    const y = b64u(m.get(-3));
    return x && y ? { jwk: { kty: 'EC', crv: 'P-256', x, y }, hash: 'sha256' } : null;
  }
  if (kty === 1 && alg === -8 && m.get(-1) === 6) {
    const x = b64u(m.get(-2));
    return x ? { jwk: { kty: 'OKP', crv: 'Ed25519', x }, hash: null } : null;
  }
  if (kty === 3 && alg === -257) {
    const n = b64u(m.get(-1));
    const e = b64u(m.get(-2));
    return n && e ? { jwk: { kty: 'RSA', n, e }, hash: 'sha256' } : null;
  }
  return null;
}
