import type { Express, NextFunction, Request, Response } from 'express';
import { LANGUAGES, type Language } from '@ecampus/contracts';
import { normalizeCertificateCode } from '@ecampus/certificate';
import { verifyPage } from './certificates.controller';
import type { CertificatesService } from './certificates.service';
import type { SigningKeysService } from './signing-keys.service';
import { JWKS_PATH, SW_JS, VERIFY_JS } from './verify-assets';
import { renderVerifyForm } from './verify-page';

/** The public, non-/api routes of certificate verification: the page, its form, its scripts and the JWKS. */
export function mountVerifyRoutes(app: Express, certificates: CertificatesService, keys: SigningKeysService): void {
  const wrap = (fn: (req: Request, res: Response) => Promise<unknown> | void) => (req: Request, res: Response, next: NextFunction) => {
    Promise.resolve(fn(req, res)).catch(next);
  };
  app.get(JWKS_PATH, wrap(async (_req, res) => {
    res.set({ 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' }).type('application/jwk-set+json').send(JSON.stringify(await keys.jwks()));
  }));
  app.get('/verify-assets/verify.js', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=3600').type('application/javascript').send(VERIFY_JS);
  });
  app.get('/verify-assets/sw.js', (_req, res) => {
    // Served from /verify-assets/ but controls /verify/: the header allows the wider scope.
    res.set({ 'Cache-Control': 'no-cache', 'Service-Worker-Allowed': '/verify/' }).type('application/javascript').send(SW_JS);
  });
  const form = (req: Request, res: Response) => {
    const lang = (req.acceptsLanguages(...LANGUAGES) as Language | false) || 'es';
    res.set({ 'Cache-Control': 'no-cache', Vary: 'Accept-Language' }).type('html').send(renderVerifyForm(lang));
  };
  app.get('/verify', form);
  app.get('/verify/', form);
  app.get('/verify/go', (req, res) => {
    const raw = typeof req.query.code === 'string' ? req.query.code : '';
    const code = normalizeCertificateCode(raw);
    if (!raw.trim()) return form(req, res);
    // A code that cannot be one still gets the page that says so.
    res.redirect(303, `/verify/${encodeURIComponent(code ?? raw.trim())}`);
  });
  app.get('/verify/:code', wrap((req, res) => verifyPage(certificates, req, res)));
}
