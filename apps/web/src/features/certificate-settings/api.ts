import { http } from '../../lib/http';

/** apps/api/src/certificates/certificate-settings.ts */
export interface CertificateSettings {
  signatoryName: string;
  signatoryTitle: string;
  programmeName: string;
  signatureId: string | null;
  signatureUrl: string | null;
}

export const SETTINGS_URL = '/api/admin/certificate-settings';

export const getSettings = (signal?: AbortSignal) => http<CertificateSettings>(SETTINGS_URL, { signal });

export const putSettings = (body: { signatoryName: string; signatoryTitle: string; programmeName: string }) =>
  http<CertificateSettings>(SETTINGS_URL, { method: 'PUT', body });

export const putSignature = (file: File) =>
  http<CertificateSettings>(`${SETTINGS_URL}/signature`, { method: 'PUT', raw: { data: file, type: file.type || 'application/octet-stream' } });

export const deleteSignature = () => http<void>(`${SETTINGS_URL}/signature`, { method: 'DELETE' });
