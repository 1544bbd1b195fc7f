export type { CertificateLanguage, CertificatePayload } from './payload';
export { renderCertificatePdf } from './render';
export { renderCertificatePdfBaseline } from './render-baseline';
export { generateCertificateCode, normalizeCertificateCode } from './code';
export { formatHours } from './layout';
