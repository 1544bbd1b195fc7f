import { generateCertificateCode, renderCertificatePdf, renderCertificatePdfBaseline, type CertificatePayload } from '../libs/certificate/src';
import { measure, type BenchResult } from './run';

const NAMES = ['María José Ñúñez Gómez', 'Łukasz Żółć-Kowalski', 'Nguyễn Thị Minh Khai', 'Jean-Baptiste Désiré Lefèvre'];
const LANGUAGES = ['es', 'en', 'fr'] as const;

const payloads: CertificatePayload[] = NAMES.flatMap((holderName) =>
  LANGUAGES.map((language) => {
    const code = generateCertificateCode();
    return {
      code,
      holderName,
      courseTitle: 'Gobernanza de la migración laboral: marcos regionales y cooperación entre países de origen, tránsito y destino',
      language,
      hours: 1.5,
      completedAt: new Date('2026-11-23T15:00:00Z'),
      verifyUrl: `https://ecampus.example.org/verify/${code}`,
    };
  }),
);

export async function run(): Promise<BenchResult[]> {
  const render = (fn: (p: CertificatePayload) => Promise<Buffer>) => (i: number) => fn(payloads[i % payloads.length]);
  return [
    await measure('Helvetica, no embedded font', render(renderCertificatePdfBaseline), { baseline: true }),
    await measure('Noto Sans embedded + vector QR', render(renderCertificatePdf)),
  ];
}
