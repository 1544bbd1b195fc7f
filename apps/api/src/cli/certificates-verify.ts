import { readFileSync } from 'node:fs';
import { tokenFromUrl, verifyToken, type CertificateTokenPayload, type Jwk } from '@ecampus/certificate';

const USAGE = `Usage: npm run certificates:verify -- <certificate.pdf | verify URL> [--jwks keys.json] [--revocations list.json]
Checks the Ed25519 signature in the certificate's QR URL with no eCampus server.
Without --jwks the keys are fetched from <URL origin>/.well-known/ecampus-certificate-keys.json (and the signed
revocation list from <origin>/api/certificates/revocations). Exit 0: valid; 1: not valid; 2: bad usage.`;

/** The signed verify URL of a PDF made by eCampus: kept in its metadata (VerifyURL) and as the QR's link. */
export function urlFromPdf(pdf: Buffer): string | null {
  const text = pdf.toString('latin1');
  for (const key of ['VerifyURL', 'URI']) {
    const m = new RegExp(`/${key}\\s*\\(((?:[^\\\\)]|\\\\.)*)\\)`).exec(text);
    if (m) return m[1].replace(/\\(.)/g, '$1');
  }
  return null;
}

async function fetchJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return res.json();
}

async function main(args: string[]): Promise<number> {
  const opt = (name: string) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const [, value] = args.splice(i, 2);
    return value;
  };
  const jwksFile = opt('--jwks');
  const revocationsFile = opt('--revocations');
  const [input] = args;
  if (!input || args.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const url = /^https?:\/\//i.test(input) ? input : urlFromPdf(readFileSync(input));
  if (!url) {
    console.error(`${input}: no signed verify URL found (not a certificate made by eCampus, or made before signing).`);
    return 1;
  }
  const token = tokenFromUrl(url);
  if (!token) {
    console.error(`${url}: the URL carries no signature (#v1.…).`);
    return 1;
  }
  const origin = new URL(url).origin;
  const jwks = (jwksFile ? JSON.parse(readFileSync(jwksFile, 'utf8')) : await fetchJson(`${origin}/.well-known/ecampus-certificate-keys.json`)) as { keys: Jwk[] };
  const result = verifyToken<CertificateTokenPayload>(token, jwks);
  if (!result.valid) {
    console.log(`NOT VALID: ${result.reason}.`);
    return 1;
  }
  const p = result.payload;
  const codeInPath = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  if (codeInPath.replace(/-/g, '').toUpperCase() !== p.c.replace(/-/g, '')) {
    console.log(`NOT VALID: the URL names ${codeInPath} but the signature is for ${p.c}.`);
    return 1;
  }
  const list = revocationsFile
    ? JSON.parse(readFileSync(revocationsFile, 'utf8'))
    : jwksFile
      ? null
      : await fetchJson(`${origin}/api/certificates/revocations`);
  let revocationNote = 'revocation list not checked (offline: pass --revocations)';
  if (list) {
    const checked = verifyToken<{ k: string; revoked: { code: string; revokedAt: string }[] }>((list as { token: string }).token, jwks);
    if (!checked.valid) {
      console.log(`NOT VALID: the revocation list's signature does not match (${checked.reason}).`);
      return 1;
    }
    const hit = checked.payload.revoked.find((r) => r.code === p.c);
    if (hit) {
      console.log(`NOT VALID: signature valid, but certificate ${p.c} was revoked on ${hit.revokedAt}.`);
      return 1;
    }
    revocationNote = `not revoked (list of ${checked.payload.revoked.length} revoked codes)`;
  }
  console.log(`VALID: signature by key ${result.kid}; ${revocationNote}.
  code:    ${p.c}
  holder:  ${p.n}
  course:  ${p.t}
  hours:   ${p.h}
  date:    ${p.d}`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(`NOT VALID: ${e instanceof Error ? e.message : e}`);
      process.exit(1);
    },
  );
}
