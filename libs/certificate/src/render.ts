import { readFileSync } from 'node:fs';
import { renderWith } from './layout';
import type { CertificatePayload } from './payload';

// Only the bytes are cached: a fontkit font shared across documents corrupts the text layer of later PDFs.
let fontFiles: { regular: Buffer; bold: Buffer } | undefined;

function loadFontFiles(): { regular: Buffer; bold: Buffer } {
  const file = (weight: string) => readFileSync(require.resolve(`@expo-google-fonts/noto-sans/${weight}/NotoSans_${weight}.ttf`));
  return (fontFiles ??= { regular: file('400Regular'), bold: file('700Bold') });
}

/** A4 landscape certificate with embedded Noto Sans, so names in any Latin script render. */
export function renderCertificatePdf(payload: CertificatePayload): Promise<Buffer> {
  const files = loadFontFiles();
  return renderWith(payload, (doc) => {
    doc.registerFont('NotoSans', files.regular);
    doc.registerFont('NotoSans-Bold', files.bold);
    return { regular: 'NotoSans', bold: 'NotoSans-Bold' };
  });
}
