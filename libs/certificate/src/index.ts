export type { CertificateLanguage, CertificatePayload, CertificateSignatory } from './payload';
export { renderCertificatePdf } from './render';
export { renderCertificatePdfBaseline } from './render-baseline';
export { generateCertificateCode, normalizeCertificateCode } from './code';
export { formatHours } from './layout';
export { encodeToken, verifyToken, tokenPayload, tokenFromUrl, TOKEN_VERSION, b64url } from './token';
export type { CertificateTokenPayload, Jwk, TokenCheck } from './token';
