import { renderWith } from './layout';
import type { CertificatePayload } from './payload';

/**
 * Benchmark baseline only: the same page in built-in Helvetica (no embedded font).
 * Helvetica's WinAnsi encoding cannot show letters such as Ł or ễ.
 */
export function renderCertificatePdfBaseline(payload: CertificatePayload): Promise<Buffer> {
  return renderWith(payload, () => ({ regular: 'Helvetica', bold: 'Helvetica-Bold' }));
}
