import { createPublicKey, verify as edVerify, type KeyObject } from 'node:crypto';

/**
 * The signed token carried in the QR URL's fragment: `v1.<base64url(JSON payload)>.<base64url(Ed25519 signature)>`.
 * The signature covers the ASCII bytes of `v1.<payload>`, so a verifier never has to re-serialise JSON.
 * Payload keys are one letter to keep the QR small: c code, n holder, t course, h hours, d date (YYYY-MM-DD,
 * the date printed on the certificate), k key id.
 */
export interface CertificateTokenPayload {
  c: string;
  n: string;
  t: string;
  h: number;
  d: string;
  k: string;
}

export const TOKEN_VERSION = 'v1';

export const b64url = (buf: Uint8Array | string) => Buffer.from(buf).toString('base64url');

export function tokenPayload(fields: { code: string; holderName: string; courseTitle: string; hours: number; completedAt: Date; kid: string }): CertificateTokenPayload {
  return { c: fields.code, n: fields.holderName, t: fields.courseTitle, h: fields.hours, d: fields.completedAt.toISOString().slice(0, 10), k: fields.kid };
}

/** Signs with a caller-supplied Ed25519 signer (the API keeps the private key). */
export function encodeToken(payload: object, sign: (data: Buffer) => Buffer): string {
  const body = `${TOKEN_VERSION}.${b64url(JSON.stringify(payload))}`;
  return `${body}.${b64url(sign(Buffer.from(body, 'ascii')))}`;
}

export interface Jwk {
  kty: string;
  crv?: string;
  x?: string;
  kid?: string;
  [k: string]: unknown;
}

export type TokenCheck<T> = { valid: true; payload: T; kid: string } | { valid: false; reason: string; payload?: T };

/** Checks a token against a JWKS (`{keys: [...]}`), by the payload's `k`. Never throws on bad input. */
export function verifyToken<T extends { k: string }>(token: string, jwks: { keys: Jwk[] }): TokenCheck<T> {
  const parts = token.trim().replace(/^#/, '').split('.');
  if (parts.length !== 3 || parts[0] !== TOKEN_VERSION) return { valid: false, reason: 'not a v1 certificate token' };
  let payload: T;
  try {
    payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return { valid: false, reason: 'the payload is not readable' };
  }
  const jwk = jwks.keys.find((k) => k.kid === payload?.k && k.kty === 'OKP' && k.crv === 'Ed25519');
  if (!jwk) return { valid: false, reason: `unknown key id ${String(payload?.k)}`, payload };
  let key: KeyObject;
  try {
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
  } catch {
    return { valid: false, reason: 'the public key is malformed', payload };
  }
  const ok = edVerify(null, Buffer.from(`${parts[0]}.${parts[1]}`, 'ascii'), key, Buffer.from(parts[2], 'base64url'));
  return ok ? { valid: true, payload, kid: payload.k } : { valid: false, reason: 'the signature does not match', payload };
}

/** The token in a verify URL's fragment, or null. */
export function tokenFromUrl(url: string): string | null {
  const hash = url.indexOf('#');
  return hash >= 0 && url.length > hash + 1 ? url.slice(hash + 1) : null;
}
