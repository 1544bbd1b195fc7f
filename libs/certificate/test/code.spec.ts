import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { generateCertificateCode, normalizeCertificateCode } from '../src';

const FORMAT = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

describe('generateCertificateCode', () => {
  test('is four hyphenated groups of Crockford base32, unique over 10,000 codes', () => {
    const codes = Array.from({ length: 10_000 }, generateCertificateCode);
    for (const code of codes) assert.match(code, FORMAT);
    assert.equal(new Set(codes).size, codes.length);
  });

  test('uses the whole alphabet evenly (all 80 bits are random)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) {
      for (const c of generateCertificateCode().replace(/-/g, '')) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    assert.equal(counts.size, 32);
    for (const c of 'ILOU') assert.ok(!counts.has(c), c);
    // 160,000 symbols: 5,000 expected per symbol, sd ≈ 70.
    for (const [c, n] of counts) assert.ok(n > 4_500 && n < 5_500, `${c}: ${n}`);
  });
});

describe('normalizeCertificateCode', () => {
  test('round-trips generated codes, also typed loosely', () => {
    for (let i = 0; i < 1_000; i++) {
      const code = generateCertificateCode();
      assert.equal(normalizeCertificateCode(code), code);
      assert.equal(normalizeCertificateCode(code.toLowerCase().replace(/-/g, '')), code);
      assert.equal(normalizeCertificateCode(` ${code.replace(/-/g, ' ')} `), code);
    }
  });

  test('maps look-alikes as Crockford says', () => {
    assert.equal(normalizeCertificateCode('oilL-0000-1111-abcd'), '0111-0000-1111-ABCD');
  });

  test('rejects anything that is not 16 valid symbols', () => {
    for (const input of ['', 'ABCD-EFGH-JKMN-PQR', 'ABCD-EFGH-JKMN-PQRST', 'ABCD-EFGH-JKMN-PQRU', 'ABCD-EFGH-JKMN-PQR*', 'ABCD-EFGH-JKMN-PQRß', 'ABCD_EFGH_JKMN_PQRS']) {
      assert.equal(normalizeCertificateCode(input), null, input);
    }
  });
});
