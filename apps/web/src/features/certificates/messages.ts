import { defineMessages } from '../../lib/i18n';

const es = {
  title: 'Mis certificados',
  intro: 'Al completar un curso, la OIM emite su certificado en PDF. Quien lo reciba puede comprobarlo con el código QR impreso en él.',
  empty: 'Aún no tiene certificados. Complete todas las lecciones y apruebe los cuestionarios de un curso para obtener uno.',
  myCourses: 'Ver mis cursos',
  pending: 'En preparación',
  issued: 'Emitido',
  revoked: 'Revocado',
  status: 'Estado',
  code: 'Código',
  issuedOn: (date: string) => `Emitido el ${date}`,
  pendingHelp: 'Su certificado se está generando. Esta página se actualiza sola en unos segundos.',
  revokedHelp: 'Este certificado fue revocado y ya no es válido.',
  download: 'Descargar el PDF',
  downloadOf: (course: string) => `Descargar el PDF del certificado de ${course}`,
  verify: 'Página de verificación',
  verifyOf: (course: string) => `Página de verificación del certificado de ${course}`,
  nowIssued: (course: string) => `Ya está listo su certificado de ${course}.`,
};

export type CertificatesMessages = typeof es;

const en: CertificatesMessages = {
  title: 'My certificates',
  intro: 'When you complete a course, IOM issues your certificate as a PDF. Anyone who receives it can check it with the QR code printed on it.',
  empty: 'You have no certificates yet. Complete every lesson and pass the quizzes of a course to earn one.',
  myCourses: 'See my courses',
  pending: 'Being prepared',
  issued: 'Issued',
  revoked: 'Revoked',
  status: 'Status',
  code: 'Code',
  issuedOn: (date: string) => `Issued on ${date}`,
  pendingHelp: 'Your certificate is being generated. This page updates itself in a few seconds.',
  revokedHelp: 'This certificate was revoked and is no longer valid.',
  download: 'Download the PDF',
  downloadOf: (course: string) => `Download the PDF certificate for ${course}`,
  verify: 'Verification page',
  verifyOf: (course: string) => `Verification page of the certificate for ${course}`,
  nowIssued: (course: string) => `Your certificate for ${course} is ready.`,
};

export const messages = defineMessages({ es, en });
