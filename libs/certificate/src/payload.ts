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
}
