import { randomBytes } from 'node:crypto';

// Crockford base32: no I, L, O, U, so codes survive being read aloud or retyped.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SYMBOLS = 16;

function group(symbols: string): string {
  return symbols.match(/.{4}/g)!.join('-');
}

/** 80 random bits as `XXXX-XXXX-XXXX-XXXX`. */
export function generateCertificateCode(): string {
  const bytes = randomBytes((SYMBOLS * 5) / 8);
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const byte of bytes) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(acc >> bits) & 31];
    }
    acc &= (1 << bits) - 1;
  }
  return group(out);
}

/** Canonical form of a typed code, or null if it cannot be one. */
export function normalizeCertificateCode(input: string): string | null {
  const symbols = input
    .replace(/[\s-]+/g, '')
    // ASCII only: 'ß'.toUpperCase() would otherwise become two valid symbols.
    .replace(/[a-z]/g, (c) => c.toUpperCase())
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (symbols.length !== SYMBOLS || [...symbols].some((c) => !ALPHABET.includes(c))) return null;
  return group(symbols);
}
