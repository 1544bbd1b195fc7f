export type CertificateLanguage = 'es' | 'en' | 'fr';

export interface CertificatePayload {
  code: string;
  holderName: string;
  courseTitle: string;
  language: CertificateLanguage;
  hours: number;
  completedAt: Date;
  verifyUrl: string;
}
