import PDFDocument from 'pdfkit';
import { create as createQr } from 'qrcode';
import type { CertificateLanguage, CertificatePayload } from './payload';

export interface FontSet {
  regular: string;
  bold: string;
}

/** Makes the fonts available in a fresh document and returns their names. */
export type FontSetup = (doc: PDFKit.PDFDocument) => FontSet;

const BLUE = '#0033A0';
const INK = '#1A1A1A';
const MUTED = '#5F6673';
const RULE = '#C5CBD6';

const MESSAGES = {
  es: {
    brand: 'OIM · ONU MIGRACIÓN',
    organization: 'Organización Internacional para las Migraciones',
    title: 'Certificado de finalización',
    awardedTo: 'Se otorga a',
    completed: 'por haber completado el curso',
    duration: 'Duración',
    hour: { one: 'hora', other: 'horas' },
    date: 'Fecha',
    code: 'Código',
    verify: 'Verifique este certificado en',
    programme: 'Programa',
    colon: ': ',
  },
  en: {
    brand: 'IOM · UN MIGRATION',
    organization: 'International Organization for Migration',
    title: 'Certificate of completion',
    awardedTo: 'This certifies that',
    completed: 'has completed the course',
    duration: 'Duration',
    hour: { one: 'hour', other: 'hours' },
    date: 'Date',
    code: 'Code',
    verify: 'Verify this certificate at',
    programme: 'Programme',
    colon: ': ',
  },
  fr: {
    brand: 'OIM · ONU MIGRATION',
    organization: 'Organisation internationale pour les migrations',
    title: 'Certificat de réussite',
    awardedTo: 'Décerné à',
    completed: 'pour avoir suivi le cours',
    duration: 'Durée',
    hour: { one: 'heure', other: 'heures' },
    date: 'Date',
    code: 'Code',
    verify: 'Vérifiez ce certificat sur',
    programme: 'Programme',
    colon: ' : ',
  },
} satisfies Record<CertificateLanguage, unknown>;

// en-GB: "23 November 2026" reads unambiguously across the region.
const LOCALES: Record<CertificateLanguage, string> = { es: 'es', en: 'en-GB', fr: 'fr' };

/** "1 hora", "2,5 horas": the course's hours with the unit in the right number. */
export function formatHours(hours: number, language: CertificateLanguage): string {
  const locale = LOCALES[language];
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(hours);
  const unit = MESSAGES[language].hour[new Intl.PluralRules(locale).select(hours) === 'one' ? 'one' : 'other'];
  return `${number} ${unit}`;
}

function formatDate(date: Date, language: CertificateLanguage): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** One line, control characters dropped, NFC so extracted text matches what was typed. */
function clean(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').replace(/\p{C}/gu, '').trim();
}

export async function renderWith(payload: CertificatePayload, setupFonts: FontSetup): Promise<Buffer> {
  const m = MESSAGES[payload.language];
  if (!m) throw new TypeError(`Unsupported certificate language: ${payload.language}`);
  if (!Number.isFinite(payload.hours) || payload.hours < 0) throw new RangeError('hours must be a non-negative number');
  if (Number.isNaN(payload.completedAt.getTime())) throw new RangeError('completedAt is not a valid date');

  const name = clean(payload.holderName);
  const course = clean(payload.courseTitle);
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: 0,
      lang: payload.language,
      displayTitle: true,
      info: {
        Title: `${m.title} – ${name}`,
        Author: 'eCampus',
        Creator: 'eCampus',
        Subject: course,
        Keywords: payload.code,
        // Read back by `npm run certificates:verify` without OCR.
        ...(payload.signedUrl ? { VerifyURL: payload.signedUrl } : {}),
        CreationDate: payload.completedAt,
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      draw(doc, setupFonts(doc), m, { ...payload, holderName: name, courseTitle: course });
      doc.end();
    } catch (err) {
      reject(err);
    }
  });
}

type Messages = (typeof MESSAGES)[CertificateLanguage];

// Noto Sans's ccmp splits some precomposed letters (ị → i + dot below) and pdfkit's ToUnicode map keeps the first
// text seen per glyph, so every later "i" would extract as "ị". On NFC text with ccmp off, one glyph is one letter.
// A fresh object each time: fontkit writes its default features into it.
const shaping = () => ({ features: { ccmp: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[] });

interface LineStyle {
  font: string;
  size: number;
  color: string;
  align?: 'left' | 'center' | 'right';
  /** Shrinks the font until the text fits this width. */
  maxWidth?: number;
  characterSpacing?: number;
}

/** Largest size up to style.size at which the text fits style.maxWidth on one line. */
function fit(doc: PDFKit.PDFDocument, text: string, style: LineStyle): number {
  const width = doc.font(style.font).fontSize(style.size).widthOfString(text, { ...style, ...shaping() });
  return style.maxWidth && width > style.maxWidth ? (style.size * style.maxWidth) / width : style.size;
}

/** Draws a single unwrapped line anchored at x. */
function line(doc: PDFKit.PDFDocument, text: string, x: number, y: number, style: LineStyle): void {
  const options = { characterSpacing: style.characterSpacing, lineBreak: false, ...shaping() };
  const width = doc.fontSize(fit(doc, text, style)).widthOfString(text, options);
  const left = style.align === 'center' ? x - width / 2 : style.align === 'right' ? x - width : x;
  doc.fillColor(style.color).text(text, left, y, options);
}

function draw(doc: PDFKit.PDFDocument, fonts: FontSet, m: Messages, p: CertificatePayload): void {
  const { width: W, height: H } = doc.page;
  const cx = W / 2;
  const side = 78;

  doc.lineWidth(2).strokeColor(BLUE).rect(22, 22, W - 44, H - 44).stroke();
  doc.lineWidth(0.6).rect(29, 29, W - 58, H - 58).stroke();

  line(doc, m.brand, cx, 60, { font: fonts.bold, size: 12.5, color: BLUE, align: 'center', characterSpacing: 1.2 });
  line(doc, m.organization, cx, 79, { font: fonts.regular, size: 9, color: MUTED, align: 'center' });
  doc.lineWidth(1.2).strokeColor(BLUE).moveTo(cx - 26, 104).lineTo(cx + 26, 104).stroke();

  line(doc, m.title, cx, 122, { font: fonts.regular, size: 30, color: INK, align: 'center', maxWidth: W - 2 * side });
  line(doc, m.awardedTo, cx, 184, { font: fonts.regular, size: 12, color: MUTED, align: 'center' });

  // A long name shrinks about its vertical centre, so it never nears the lines around it.
  const nameStyle = { font: fonts.bold, size: 34, color: INK, align: 'center' as const, maxWidth: W - 2 * side };
  const nameHeight = doc.fontSize(fit(doc, p.holderName, nameStyle)).currentLineHeight();
  line(doc, p.holderName, cx, 226 - nameHeight / 2, nameStyle);
  doc.lineWidth(0.5).strokeColor(RULE).moveTo(cx - 190, 258).lineTo(cx + 190, 258).stroke();

  line(doc, m.completed, cx, 272, { font: fonts.regular, size: 12, color: MUTED, align: 'center' });
  const programme = p.signatory?.programme?.trim();
  courseTitle(doc, p.courseTitle, fonts.bold, { x: side + 40, y: 296, width: W - 2 * (side + 40), height: programme ? 78 : 84 });
  if (programme) {
    line(doc, `${m.programme}${m.colon}${programme}`, cx, 379, { font: fonts.regular, size: 10, color: MUTED, align: 'center', maxWidth: W - 2 * side });
  }

  doc.lineWidth(0.5).strokeColor(RULE).moveTo(side, 398).lineTo(W - side, 398).stroke();

  // The signed URL is longer (more modules), so its QR gets more room to stay readable from a phone.
  const qrSize = p.signedUrl ? 112 : 92;
  const qrX = W - side - qrSize;
  const qrY = p.signedUrl ? 410 : 418;
  const qrUrl = p.signedUrl ?? p.verifyUrl;
  // A long signed URL needs more modules: low error correction keeps each module printable.
  drawQr(doc, qrUrl, qrX, qrY, qrSize, p.signedUrl ? 'L' : 'M');
  doc.link(qrX, qrY, qrSize, qrSize, qrUrl);
  const caption = { font: fonts.regular, size: 7.5, align: 'right' as const, maxWidth: W / 2 - side };
  line(doc, m.verify, qrX + qrSize, qrY + qrSize + 8, { ...caption, color: MUTED });
  line(doc, p.verifyUrl, qrX + qrSize, qrY + qrSize + 19, { ...caption, color: BLUE });

  const signer = p.signatory;
  if (signer?.name) {
    // Centred between the details and the QR, as an office signs: the picture over a line, name and title under it.
    const half = 100;
    if (signer.signature) {
      try {
        doc.image(signer.signature, cx - 80, 414, { fit: [160, 44], align: 'center', valign: 'bottom' });
      } catch {
        // A picture pdfkit cannot read is left out; the name and title still sign.
      }
    }
    doc.lineWidth(0.6).strokeColor(INK).moveTo(cx - half, 462).lineTo(cx + half, 462).stroke();
    line(doc, signer.name, cx, 467, { font: fonts.bold, size: 10.5, color: INK, align: 'center', maxWidth: 2 * half + 20 });
    if (signer.title) line(doc, signer.title, cx, 482, { font: fonts.regular, size: 9, color: MUTED, align: 'center', maxWidth: 2 * half + 20 });
  }
  const detailsRight = signer?.name ? cx - 115 : qrX - 40;

  const details: [string, string][] = [
    [m.duration, formatHours(p.hours, p.language)],
    [m.date, formatDate(p.completedAt, p.language)],
    [m.code, p.code],
  ];
  details.forEach(([label, value], i) => {
    const y = 448 + i * 22;
    const labelText = label + m.colon;
    line(doc, labelText, side, y, { font: fonts.regular, size: 10.5, color: MUTED });
    const x = side + doc.widthOfString(labelText, shaping());
    line(doc, value, x, y, { font: fonts.bold, size: 10.5, color: INK, maxWidth: detailsRight - x });
  });
}

/** Wraps to at most three balanced lines, shrinking before it has to truncate. */
function courseTitle(
  doc: PDFKit.PDFDocument,
  text: string,
  font: string,
  box: { x: number; y: number; width: number; height: number },
): void {
  const maxLines = 3;
  const lineGap = 2;
  let size = 19;
  const lines = (width: number) =>
    Math.round(doc.fontSize(size).heightOfString(text, { width, lineGap, ...shaping() }) / (doc.currentLineHeight(true) + lineGap));
  doc.font(font);
  while (size > 11 && lines(box.width) > maxLines) size -= 0.5;
  const count = Math.min(lines(box.width), maxLines);
  // Narrowest width that keeps the line count, so a last line is not left with a single word.
  let [narrow, width] = [box.width / count, box.width];
  while (count > 1 && width - narrow > 2) {
    const mid = (narrow + width) / 2;
    if (lines(mid) > count) narrow = mid;
    else width = mid;
  }
  const height = count * (doc.fontSize(size).currentLineHeight(true) + lineGap);
  const top = box.y + Math.max(0, (box.height - height) / 2);
  doc.fillColor(BLUE).text(text, box.x + (box.width - width) / 2, top, {
    width,
    align: 'center',
    lineGap,
    height: height + 1,
    ellipsis: true,
    ...shaping(),
  });
}

/** Vector QR: one filled path of row runs, so rasterisers leave no seams between modules. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number, level: 'L' | 'M'): void {
  const { modules } = createQr(text, { errorCorrectionLevel: level });
  const n = modules.size;
  const cell = size / n;
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; ) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      doc.rect(x + start * cell, y + row * cell, (col - start) * cell, cell);
    }
  }
  doc.fill('#000000');
}
