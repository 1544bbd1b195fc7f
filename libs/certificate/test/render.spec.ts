import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, test } from '@jest/globals';
import { generateCertificateCode, renderCertificatePdf, renderCertificatePdfBaseline, type CertificatePayload } from '../src';

// 02:30 UTC on the 23rd is still the 22nd in Mexico City: the date must be printed in UTC.
process.env.TZ = 'America/Mexico_City';
const completedAt = new Date('2026-11-23T02:30:00Z');

const dir = mkdtempSync(join(tmpdir(), 'cert-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

const EXPECTED = {
  es: {
    header: 'OIM · ONU MIGRACIÓN',
    title: 'Certificado de finalización',
    awardedTo: 'Se otorga a',
    completed: 'por haber completado el curso',
    hours: 'Duración: 1,5 horas',
    date: '23 de noviembre de 2026',
    verify: 'Verifique este certificado en',
    brand: 'Organización Internacional para las Migraciones',
  },
  en: {
    header: 'IOM · UN MIGRATION',
    title: 'Certificate of completion',
    awardedTo: 'This certifies that',
    completed: 'has completed the course',
    hours: 'Duration: 1.5 hours',
    date: '23 November 2026',
    verify: 'Verify this certificate at',
    brand: 'International Organization for Migration',
  },
  fr: {
    header: 'OIM · ONU MIGRATION',
    title: 'Certificat de réussite',
    awardedTo: 'Décerné à',
    completed: 'pour avoir suivi le cours',
    hours: 'Durée : 1,5 heure',
    date: '23 novembre 2026',
    verify: 'Vérifiez ce certificat sur',
    brand: 'Organisation internationale pour les migrations',
  },
} as const;

const NAMES = ['María José Ñúñez Gómez', 'Łukasz Żółć-Kowalski', 'Nguyễn Thị Minh Khai', 'Jean-Baptiste Désiré Lefèvre'];
const COURSES = { es: 'Gobernanza de la migración', en: 'Migration governance', fr: 'Gouvernance des migrations' };

function payload(overrides: Partial<CertificatePayload> = {}): CertificatePayload {
  const code = generateCertificateCode();
  return {
    code,
    holderName: NAMES[0],
    courseTitle: COURSES.es,
    language: 'es',
    hours: 1.5,
    completedAt,
    verifyUrl: `https://ecampus.example.org/verify/${code}`,
    ...overrides,
  };
}

let seq = 0;
async function renderToFile(p: CertificatePayload, render = renderCertificatePdf): Promise<string> {
  const file = join(dir, `cert-${seq++}.pdf`);
  writeFileSync(file, await render(p));
  return file;
}

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

function words(file: string): Word[] {
  const html = run('pdftotext', ['-bbox', file, '-']);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
    ([, xMin, yMin, xMax, yMax, text]) => ({ text, xMin: +xMin, yMin: +yMin, xMax: +xMax, yMax: +yMax }),
  );
}

/** Every word inside the inner frame, and no two words on top of each other. */
function assertClean(file: string): Word[] {
  const all = words(file);
  const [W, H, frame] = [841.89, 595.28, 29];
  for (const w of all) {
    assert.ok(w.xMin > frame && w.xMax < W - frame && w.yMin > frame && w.yMax < H - frame, `"${w.text}" outside frame`);
  }
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const [a, b] = [all[i], all[j]];
      const overlap = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin) > 0.5 && Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) > 0.5;
      assert.ok(!overlap, `"${a.text}" overlaps "${b.text}"`);
    }
  }
  return all;
}

function checkPdf(file: string): void {
  assert.match(run('qpdf', ['--check', file]), /No syntax or stream encoding errors found/);
  assert.match(run('pdfinfo', [file]), /^Pages:\s+1$/m);
}

function decodeQr(file: string): string {
  const png = join(dir, `qr-${seq++}`);
  run('pdftoppm', ['-png', '-r', '100', '-singlefile', file, png]);
  return run('zbarimg', ['-q', '--raw', `${png}.png`]).trim();
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe('renderCertificatePdf', () => {
  for (const [i, holderName] of NAMES.entries()) {
    for (const language of ['es', 'en', 'fr'] as const) {
      test(`${holderName} (${language})`, async () => {
        const p = payload({ holderName, language, courseTitle: COURSES[language] });
        const file = await renderToFile(p);
        checkPdf(file);

        const text = run('pdftotext', ['-layout', file, '-']);
        const e = EXPECTED[language];
        for (const s of [holderName, p.courseTitle, p.code, e.hours, e.date, e.title, e.awardedTo, e.completed, e.verify, e.header, e.brand, p.verifyUrl]) {
          assert.ok(text.includes(s), `missing "${s}" in:\n${text}`);
        }
        assert.equal(decodeQr(file), p.verifyUrl);
        if (i === 0) assertClean(file);
      });
    }
  }

  test('embeds subset Noto Sans and sets metadata', async () => {
    const p = payload();
    const file = await renderToFile(p);
    const fonts = run('pdffonts', [file]);
    assert.match(fonts, /\+NotoSans-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    assert.match(fonts, /\+NotoSans-Bold\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    assert.doesNotMatch(fonts, /Helvetica/);
    const info = run('pdfinfo', ['-isodates', file]);
    assert.match(info, /^Title:\s+Certificado de finalización – María José Ñúñez Gómez$/m);
    assert.match(info, /^Author:\s+eCampus$/m);
    assert.match(info, /^Subject:\s+Gobernanza de la migración$/m);
    assert.match(info, /^CreationDate:\s+2026-11-23T02:30:00Z$/m);
    assert.match(info, /^Page size:\s+841.89 x 595.28 pts \(A4\)$/m);
  });

  test('very long name shrinks to one line and a long course title to three', async () => {
    const holderName = 'Łukasz Żółć-Kowalski Nguyễn Thị Minh Khai '.repeat(6).trim();
    const courseTitle = 'Protección internacional y gobernanza de la migración '.repeat(8).trim();
    const p = payload({ holderName, courseTitle });
    const file = await renderToFile(p);
    checkPdf(file);
    const all = assertClean(file);
    assert.ok(oneLine(run('pdftotext', ['-layout', file, '-'])).includes(holderName));
    const nameWords = new Set(holderName.split(' '));
    assert.equal(new Set(all.filter((w) => nameWords.has(w.text)).map((w) => w.yMin)).size, 1, 'name on one line');
    const titleLines = new Set(all.filter((w) => w.text === 'gobernanza').map((w) => w.yMin));
    assert.equal(titleLines.size, 3, 'course title on three lines');
    assert.ok(all.some((w) => w.text.endsWith('…')), 'truncated title ends with an ellipsis');
    assert.equal(decodeQr(file), p.verifyUrl);
  });

  test('wrapped course title keeps every word, in order', async () => {
    const courseTitle = 'Gobernanza de la migración laboral: marcos regionales, protección de derechos y cooperación entre países de origen, tránsito y destino';
    const file = await renderToFile(payload({ courseTitle }));
    checkPdf(file);
    assertClean(file);
    assert.ok(oneLine(run('pdftotext', ['-layout', file, '-'])).includes(courseTitle));
  });

  test('decomposed, multi-line and padded input renders as the composed one-line name', async () => {
    const file = await renderToFile(payload({ holderName: '  Nguyễn Thị\nMinh\tKhai '.normalize('NFD') }));
    assert.ok(run('pdftotext', ['-layout', file, '-']).includes('Nguyễn Thị Minh Khai'));
  });

  test('hours use locale number format and plural', async () => {
    const cases: [CertificatePayload['language'], number, string][] = [
      ['es', 1, 'Duración: 1 hora'],
      ['es', 12.25, 'Duración: 12,25 horas'],
      ['en', 1, 'Duration: 1 hour'],
      ['en', 40, 'Duration: 40 hours'],
      ['fr', 2, 'Durée : 2 heures'],
    ];
    for (const [language, hours, expected] of cases) {
      const file = await renderToFile(payload({ language, hours }));
      assert.ok(run('pdftotext', ['-layout', file, '-']).includes(expected), expected);
    }
  });

  test('rejects invalid payloads', async () => {
    await assert.rejects(() => renderCertificatePdf(payload({ hours: Number.NaN })), RangeError);
    await assert.rejects(() => renderCertificatePdf(payload({ completedAt: new Date('nope') })), RangeError);
  });

  test('baseline draws the same page in Helvetica', async () => {
    const p = payload({ holderName: 'Jean-Baptiste Désiré Lefèvre', language: 'fr', courseTitle: COURSES.fr });
    const file = await renderToFile(p, renderCertificatePdfBaseline);
    checkPdf(file);
    assert.doesNotMatch(run('pdffonts', [file]), /NotoSans|yes/);
    assert.ok(run('pdftotext', ['-layout', file, '-']).includes(p.holderName));
    assert.equal(decodeQr(file), p.verifyUrl);
  });
});
