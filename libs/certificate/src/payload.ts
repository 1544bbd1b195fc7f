export type CertificateLanguage = 'es' | 'en' | 'fr';

export interface CertificatePayload {
  code: string;
  holderName: string;
  courseTitle: string;
  language: CertificateLanguage;
  hours: number;
  completedAt: Date;
  verifyUrl: string;
  /** The verify URL with the signed token in its fragment: what the QR and the link carry. */
  signedUrl?: string;
  /** Who signs, as set by an admin when the certificate was issued (a snapshot: later changes do not alter it). */
  signatory?: CertificateSignatory;
}

export interface CertificateSignatory {
  name: string;
  title?: string;
  /** The programme the course belongs to, printed under the course title. */
  programme?: string;
  /** PNG or JPEG bytes of the signature. */
  signature?: Buffer;
}
