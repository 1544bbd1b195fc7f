import { describe, expect, it } from '@jest/globals';
import { generateCertificateCode, normalizeCertificateCode } from './code';

describe('certificate codes', () => {
  it('are 16 Crockford base32 symbols in groups of four, different each time', () => {
    const codes = new Set(Array.from({ length: 1000 }, generateCertificateCode));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  it('survive being retyped: case, spaces, dashes and the look-alike letters O, I, L', () => {
    const code = generateCertificateCode();
    expect(normalizeCertificateCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    expect(normalizeCertificateCode('ABCD EFGH JKMN PQRS')).toBe('ABCD-EFGH-JKMN-PQRS');
    expect(normalizeCertificateCode('oo1l-iiii-0000-0000')).toBe('0011-1111-0000-0000');
  });

  it('refuse what cannot be a code', () => {
    expect(normalizeCertificateCode('ABCD-EFGH-JKMN-PQR')).toBeNull();
    expect(normalizeCertificateCode('ABCD-EFGH-JKMN-PQRSU')).toBeNull();
    expect(normalizeCertificateCode('ABCD-EFGH-JKMN-PQRU')).toBeNull();
    expect(normalizeCertificateCode('ßBCD-EFGH-JKMN-PQRS')).toBeNull();
  });
});
