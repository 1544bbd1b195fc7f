import type { Language } from '@ecampus/contracts';

export const MAIL_TEMPLATES = ['welcome', 'password-reset', 'email-change', 'certificate-issued', 'reminder'] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

export interface MailVars {
  name: string;
  /** The one link the message is about (reset, confirm, verify, continue, profile). */
  link: string;
  courseTitle?: string;
  code?: string;
  /** Where the learner turns reminders off. */
  profileLink?: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

type Copy = { subject: (v: MailVars) => string; lines: (v: MailVars) => string[]; action: string; footer?: (v: MailVars) => string };
type MailLanguage = 'es' | 'en';

// Our own wording; one paragraph per line. The link is given as a button in HTML and in full in text.
const COPY: Record<MailLanguage, Record<MailTemplate, Copy>> = {
  es: {
    welcome: {
      subject: () => 'Le damos la bienvenida a eCampus',
      lines: (v) => [`Hola, ${v.name}:`, 'Su cuenta de eCampus está lista. Puede empezar un curso cuando quiera, también desde el teléfono.'],
      action: 'Ver los cursos',
    },
    'password-reset': {
      subject: () => 'Restablecer su contraseña de eCampus',
      lines: (v) => [
        `Hola, ${v.name}:`,
        'Alguien pidió restablecer la contraseña de esta cuenta. Si fue usted, abra el enlace y elija una nueva contraseña.',
        'El enlace sirve una sola vez y vence en 1 hora. Si no lo pidió, ignore este mensaje: su contraseña no cambia.',
      ],
      action: 'Elegir una nueva contraseña',
    },
    'email-change': {
      subject: () => 'Confirme su nuevo correo en eCampus',
      lines: (v) => [
        `Hola, ${v.name}:`,
        'Pidió usar esta dirección de correo en su cuenta de eCampus. Abra el enlace para confirmarla.',
        'El enlace vence en 24 horas. Si no lo pidió, ignore este mensaje.',
      ],
      action: 'Confirmar el correo',
    },
    'certificate-issued': {
      subject: (v) => `Su certificado de «${v.courseTitle}» está listo`,
      lines: (v) => [
        `Hola, ${v.name}:`,
        `Su certificado del curso «${v.courseTitle}» fue emitido con el código ${v.code}.`,
        'Cualquier persona puede comprobarlo en la página de verificación:',
      ],
      action: 'Verificar el certificado',
    },
    reminder: {
      subject: (v) => `Continúe «${v.courseTitle}» en eCampus`,
      lines: (v) => [
        `Hola, ${v.name}:`,
        `Hace dos semanas que no avanza en «${v.courseTitle}». Puede retomarlo donde lo dejó.`,
      ],
      action: 'Continuar el curso',
      footer: (v) => `¿No quiere estos recordatorios? Desactívelos en su perfil: ${v.profileLink}`,
    },
  },
  en: {
    welcome: {
      subject: () => 'Welcome to eCampus',
      lines: (v) => [`Hello ${v.name},`, 'Your eCampus account is ready. Start a course whenever you like, on your phone too.'],
      action: 'See the courses',
    },
    'password-reset': {
      subject: () => 'Reset your eCampus password',
      lines: (v) => [
        `Hello ${v.name},`,
        'Someone asked to reset the password of this account. If it was you, open the link and choose a new password.',
        'The link works once and expires in 1 hour. If you did not ask, ignore this message: your password stays the same.',
      ],
      action: 'Choose a new password',
    },
    'email-change': {
      subject: () => 'Confirm your new eCampus email',
      lines: (v) => [
        `Hello ${v.name},`,
        'You asked to use this email address for your eCampus account. Open the link to confirm it.',
        'The link expires in 24 hours. If you did not ask, ignore this message.',
      ],
      action: 'Confirm the email',
    },
    'certificate-issued': {
      subject: (v) => `Your certificate for “${v.courseTitle}” is ready`,
      lines: (v) => [
        `Hello ${v.name},`,
        `Your certificate for the course “${v.courseTitle}” was issued with the code ${v.code}.`,
        'Anyone can check it on the verification page:',
      ],
      action: 'Verify the certificate',
    },
    reminder: {
      subject: (v) => `Continue “${v.courseTitle}” on eCampus`,
      lines: (v) => [`Hello ${v.name},`, `You have not moved on in “${v.courseTitle}” for two weeks. Pick it up where you left off.`],
      action: 'Continue the course',
      footer: (v) => `Don't want these reminders? Turn them off in your profile: ${v.profileLink}`,
    },
  },
};

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The message in the learner's language (French readers get English until there is French text). */
export function renderMail(template: MailTemplate, language: Language | string, vars: MailVars): RenderedMail {
  const lang: MailLanguage = language === 'es' ? 'es' : 'en';
  const c = COPY[lang][template];
  const lines = c.lines(vars);
  const footer = c.footer?.(vars);
  const text = [...lines, '', `${c.action}: ${vars.link}`, ...(footer ? ['', footer] : []), '', '— eCampus'].join('\n');
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(c.subject(vars))}</title></head>
<body style="margin:0;padding:16px;background:#f4f6fa;font:16px/1.5 Arial,Helvetica,sans-serif;color:#1a1a1a">
<div style="max-width:36rem;margin:0 auto;background:#fff;border-top:4px solid #0033A0;padding:16px">
${lines.map((l) => `<p>${esc(l)}</p>`).join('\n')}
<p><a href="${esc(vars.link)}" style="display:inline-block;background:#0033A0;color:#fff;padding:12px 16px;border-radius:6px;text-decoration:none;font-weight:700">${esc(c.action)}</a></p>
<p style="font-size:14px;color:#4a5363;overflow-wrap:anywhere">${esc(vars.link)}</p>
${footer ? `<p style="font-size:14px;color:#4a5363">${esc(footer)}</p>` : ''}
<p style="font-size:14px;color:#4a5363">eCampus</p>
</div></body></html>`;
  return { subject: c.subject(vars), text, html };
}
