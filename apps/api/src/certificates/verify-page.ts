import { formatHours } from '@ecampus/certificate';
import type { Language, VerifyDto } from '@ecampus/contracts';

const TEXT = {
  es: {
    title: 'Verificación de certificado', valid: 'Certificado válido', revoked: 'Certificado revocado',
    pending: 'Certificado en preparación', notFound: 'No existe ningún certificado con este código.',
    holder: 'Otorgado a', course: 'Curso', hours: 'Duración', issued: 'Fecha de emisión',
    code: 'Código', reason: 'Motivo', replaced: 'Este certificado fue reemplazado por el certificado', issuer: 'Organización Internacional para las Migraciones (OIM) · eCampus',
  },
  en: {
    title: 'Certificate verification', valid: 'Valid certificate', revoked: 'Revoked certificate',
    pending: 'Certificate being prepared', notFound: 'There is no certificate with this code.',
    holder: 'Awarded to', course: 'Course', hours: 'Duration', issued: 'Date of issue',
    code: 'Code', reason: 'Reason', replaced: 'This certificate was replaced by certificate', issuer: 'International Organization for Migration (IOM) · eCampus',
  },
  fr: {
    title: 'Vérification du certificat', valid: 'Certificat valide', revoked: 'Certificat révoqué',
    pending: 'Certificat en préparation', notFound: "Aucun certificat ne correspond à ce code.",
    holder: 'Décerné à', course: 'Cours', hours: 'Durée', issued: "Date d'émission",
    code: 'Code', reason: 'Motif', replaced: 'Ce certificat a été remplacé par le certificat', issuer: 'Organisation internationale pour les migrations (OIM) · eCampus',
  },
} satisfies Record<Language, Record<string, string>>;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The public verify page: plain HTML and CSS, no script, small and printable for a slow line. */
export function renderVerifyPage(lang: Language, code: string, result: VerifyDto | null): string {
  const t = TEXT[lang];
  const locale = { es: 'es-MX', en: 'en-GB', fr: 'fr-FR' }[lang];
  const status = !result ? 'missing' : result.status;
  const heading = !result ? t.notFound : result.status === 'issued' ? t.valid : result.status === 'revoked' ? t.revoked : t.pending;
  const rows = result
    ? [
        [t.holder, result.holderName],
        [t.course, result.courseTitle],
        [t.hours, formatHours(result.hours, lang)],
        ...(result.issuedAt ? [[t.issued, new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(result.issuedAt))]] : []),
        [t.code, result.code],
        ...(result.status === 'revoked' && result.revokedReason ? [[t.reason, result.revokedReason]] : []),
      ]
    : [[t.code, code]];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(t.title)} · eCampus</title>
<style>
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f4f6fa}
main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem}
header{border-bottom:4px solid #0033A0;padding-bottom:.75rem;margin-bottom:1.5rem}
header p{margin:0;color:#0033A0;font-weight:700}
h1{font-size:1.5rem;margin:0 0 1rem}
.status{padding:1rem;border-radius:6px;font-weight:700;font-size:1.25rem;margin:0 0 1.5rem}
.issued{background:#e3f4e8;color:#0b5d1e;border:2px solid #0b5d1e}
.revoked,.missing{background:#fdecea;color:#8a1c12;border:2px solid #8a1c12}
.pending{background:#fff6dc;color:#6b4e00;border:2px solid #6b4e00}
dl{margin:0;background:#fff;border:1px solid #d0d5de;border-radius:6px;padding:1rem}
dt{font-size:.875rem;color:#4a5363}dd{margin:0 0 .75rem;font-size:1.125rem;overflow-wrap:anywhere}
p.replaced{background:#fff;border:1px solid #d0d5de;border-radius:6px;padding:1rem;font-size:1.125rem}
p.replaced a{color:#0033A0;font-weight:700}
footer{margin-top:1.5rem;font-size:.875rem;color:#4a5363}
@media print{body{background:#fff}.status{border-width:1px}}
</style>
</head>
<body>
<main>
<header><p>${esc(t.issuer)}</p></header>
<h1>${esc(t.title)}</h1>
<p class="status ${status}" role="status">${status === 'issued' ? '✓ ' : status === 'pending' ? '' : '✗ '}${esc(heading)}</p>
<dl>
${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('\n')}
</dl>
${result?.replacedByCode ? `<p class="replaced">${esc(t.replaced)} <a href="/verify/${encodeURIComponent(result.replacedByCode)}">${esc(result.replacedByCode)}</a></p>` : ''}
<footer><a href="/">eCampus</a></footer>
</main>
</body>
</html>`;
}
