import type { MiddlewareHandler } from 'hono';
import { DomainError } from '../core/errors';

/**
 * The local issuer signs anyone in, admins included: it must answer only a browser that named
 * this machine. A page on another site whose name was pointed at 127.0.0.1 (DNS rebinding)
 * reaches the server with its own name in `Host`; such a request is refused before anything
 * is signed. Loopback names are allowed, and the host of APEL_PUBLIC_URL (a tunnel) when set.
 */
export class HostNotAllowed extends DomainError {
  constructor(host: string) {
    super('HOST_NOT_ALLOWED', `the local issuer answers on localhost only, not on ${host}`, {
      host,
    });
  }
}

const IPV4_LOOPBACK = /^127(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** localhost, 127.0.0.0/8 or [::1], as the WHATWG URL parser writes a hostname. */
export function isLoopback(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h === '[::1]' || IPV4_LOOPBACK.test(h);
}

/** Refuse a request whose Host is neither loopback nor the public URL's host. */
export function allowHosts(publicUrl: string | undefined): MiddlewareHandler {
  const extra = publicUrl === undefined ? null : new URL(publicUrl).hostname.toLowerCase();
  return async (c, next) => {
    // The URL is built from the Host header (by @hono/node-server), parsed and normalised.
    const hostname = new URL(c.req.url).hostname;
    if (!isLoopback(hostname) && hostname.toLowerCase() !== extra) {
      throw new HostNotAllowed(hostname);
    }
    await next();
  };
}
