import { formatHours } from '@ecampus/certificate';
import type { Language, VerifyDto } from '@ecampus/contracts';

const TEXT = {
  es: {
    title: 'Verificación de certificado', valid: 'Certificado válido', revoked: 'Certificado revocado',
    pending: 'Certificado en preparación', notFound: 'No existe ningún certificado con este código.',
    holder: 'Otorgado a', course: 'Curso', hours: 'Duración', issued: 'Fecha de emisión',
    code: 'Código', reason: 'Motivo', replaced: 'Este certificado fue reemplazado por el certificado', issuer: 'Organización Internacional para las Migraciones (OIM) · eCampus',
    sigValid: 'Firma válida: los datos del código QR son los que emitió eCampus.', sigInvalid: 'Firma no válida: los datos del código QR fueron alterados o no los firmó eCampus.',
    sigChecking: 'Comprobando la firma…', sigRevoked: 'Firma válida, pero el certificado fue revocado.', sigUnknown: 'No se pudo comprobar la firma sin conexión.',
    formTitle: 'Verificar un certificado', formLabel: 'Escriba el código del certificado', formHint: 'Está impreso junto al código QR, p. ej. 7K3M-Q9TR-X2HD-4WNB.', formButton: 'Verificar',
    date: 'Fecha',
  },
  en: {
    title: 'Certificate verification', valid: 'Valid certificate', revoked: 'Revoked certificate',
    pending: 'Certificate being prepared', notFound: 'There is no certificate with this code.',
    holder: 'Awarded to', course: 'Course', hours: 'Duration', issued: 'Date of issue',
    code: 'Code', reason: 'Reason', replaced: 'This certificate was replaced by certificate', issuer: 'International Organization for Migration (IOM) · eCampus',
    sigValid: 'Signature valid: the data in the QR code is what eCampus issued.', sigInvalid: 'Signature not valid: the data in the QR code was altered or not signed by eCampus.',
    sigChecking: 'Checking the signature…', sigRevoked: 'Signature valid, but the certificate was revoked.', sigUnknown: 'The signature could not be checked offline.',
    formTitle: 'Verify a certificate', formLabel: 'Type the certificate code', formHint: 'It is printed beside the QR code, e.g. 7K3M-Q9TR-X2HD-4WNB.', formButton: 'Verify',
    date: 'Date',
  },
  fr: {
    title: 'Vérification du certificat', valid: 'Certificat valide', revoked: 'Certificat révoqué',
    pending: 'Certificat en préparation', notFound: "Aucun certificat ne correspond à ce code.",
    holder: 'Décerné à', course: 'Cours', hours: 'Durée', issued: "Date d'émission",
    code: 'Code', reason: 'Motif', replaced: 'Ce certificat a été remplacé par le certificat', issuer: 'Organisation internationale pour les migrations (OIM) · eCampus',
    sigValid: 'Signature valide : les données du code QR sont celles émises par eCampus.', sigInvalid: 'Signature non valide : les données du code QR ont été modifiées ou non signées par eCampus.',
    sigChecking: 'Vérification de la signature…', sigRevoked: 'Signature valide, mais le certificat a été révoqué.', sigUnknown: 'La signature n’a pas pu être vérifiée hors ligne.',
    formTitle: 'Vérifier un certificat', formLabel: 'Saisissez le code du certificat', formHint: 'Il est imprimé à côté du code QR, p. ex. 7K3M-Q9TR-X2HD-4WNB.', formButton: 'Vérifier',
    date: 'Date',
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
  return page(lang, t.title, `<h1>${esc(t.title)}</h1>
<p class="status ${status}" role="status">${status === 'issued' ? '✓ ' : status === 'pending' ? '' : '✗ '}${esc(heading)}</p>
${sigBox(t)}
<dl id="fields" data-server="1">
${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('\n')}
</dl>
${result?.replacedByCode ? `<p class="replaced">${esc(t.replaced)} <a href="/verify/${encodeURIComponent(result.replacedByCode)}">${esc(result.replacedByCode)}</a></p>` : ''}`);
}

/** `GET /verify` and `/verify/`: a form to type a code. Also the offline shell the service worker keeps. */
export function renderVerifyForm(lang: Language): string {
  const t = TEXT[lang];
  return page(lang, t.formTitle, `<h1>${esc(t.formTitle)}</h1>
${sigBox(t)}
<dl id="fields" hidden></dl>
<form method="get" action="/verify/go">
<label for="code">${esc(t.formLabel)}</label>
<p id="code-hint" class="hint">${esc(t.formHint)}</p>
<input id="code" name="code" required autocomplete="off" autocapitalize="characters" spellcheck="false" aria-describedby="code-hint" maxlength="40">
<button type="submit">${esc(t.formButton)}</button>
</form>`);
}

/** The signature result, filled by /verify-assets/verify.js; texts ride on data attributes so the script has none. */
function sigBox(t: (typeof TEXT)[Language]): string {
  const data = { valid: t.sigValid, invalid: t.sigInvalid, checking: t.sigChecking, revoked: t.sigRevoked, unknown: t.sigUnknown,
    'l-holder': t.holder, 'l-course': t.course, 'l-hours': t.hours, 'l-date': t.date, 'l-code': t.code };
  return `<p id="sig" class="sig" role="status" aria-live="polite" hidden ${Object.entries(data).map(([k, v]) => `data-${k}="${esc(v)}"`).join(' ')}></p>`;
}

function page(lang: Language, title: string, body: string): string {
  const t = TEXT[lang];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(title)} · eCampus</title>
<style>
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f4f6fa}
main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem}
header{border-bottom:4px solid #0033A0;padding-bottom:.75rem;margin-bottom:1.5rem}
header p{margin:0;color:#0033A0;font-weight:700}
h1{font-size:1.5rem;margin:0 0 1rem}
.status,.sig{padding:1rem;border-radius:6px;font-weight:700;font-size:1.25rem;margin:0 0 1.5rem}
.sig{font-size:1rem}
.issued,.ok{background:#e3f4e8;color:#0b5d1e;border:2px solid #0b5d1e}
.revoked,.missing,.bad{background:#fdecea;color:#8a1c12;border:2px solid #8a1c12}
.pending,.checking{background:#fff6dc;color:#6b4e00;border:2px solid #6b4e00}
dl{margin:0 0 1.5rem;background:#fff;border:1px solid #d0d5de;border-radius:6px;padding:1rem}
dt{font-size:.875rem;color:#4a5363}dd{margin:0 0 .75rem;font-size:1.125rem;overflow-wrap:anywhere}
label{display:block;font-weight:700}.hint{margin:.25rem 0 .5rem;color:#4a5363;font-size:.875rem}
input{font:inherit;width:100%;box-sizing:border-box;padding:.6rem;border:2px solid #4a5363;border-radius:4px;text-transform:uppercase}
button{font:inherit;font-weight:700;margin-top:.75rem;min-height:44px;padding:.5rem 1.25rem;border:0;border-radius:4px;background:#0033A0;color:#fff}
input:focus,button:focus{outline:3px solid #f0a500;outline-offset:2px}
p.replaced{background:#fff;border:1px solid #d0d5de;border-radius:6px;padding:1rem;font-size:1.125rem}
p.replaced a{color:#0033A0;font-weight:700}
footer{margin-top:1.5rem;font-size:.875rem;color:#4a5363}
@media print{body{background:#fff}.status{border-width:1px}form{display:none}}
</style>
<script src="/verify-assets/verify.js" defer></script>
</head>
<body>
<main>
<header><p>${esc(t.issuer)}</p></header>
${body}
<footer><a href="/">eCampus</a></footer>
</main>
</body>
</html>`;
}
