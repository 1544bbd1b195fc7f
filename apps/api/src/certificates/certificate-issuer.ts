import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { renderCertificatePdf, tokenPayload } from '@ecampus/certificate';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Inject } from '@nestjs/common';
import { MailService } from '../mail/mail.service';
import { CertificateEntity } from './certificate.entity';
import { SigningKeysService } from './signing-keys.service';
import { CertificateSettingsService } from './certificate-settings';

/**
 * Turns a pending certificate into an issued one. Idempotent: a job that runs twice, or after another
 * worker already finished it, changes nothing; the row lock makes the check and the write one step.
 */
@Injectable()
export class CertificateIssuer {
  private readonly logger = new Logger('Certificates');

  constructor(@InjectDataSource() private readonly ds: DataSource, @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: SigningKeysService,
    private readonly signatories: CertificateSettingsService,
    private readonly mail: MailService,
  ) {}

  async issue(certificateId: string): Promise<'issued' | 'skipped'> {
    const cert = await this.ds.getRepository(CertificateEntity).findOneBy({ id: certificateId });
    if (cert?.status !== 'pending') return 'skipped';
    // The QR carries the fields signed, so the certificate can be checked with no server (see README).
    const { token } = await this.keys.signToken((kid) => tokenPayload({ ...cert, kid }));
    const verifyUrl = `${this.config.publicUrl}/verify/${cert.code}`;
    const { snapshot, signatory } = await this.signatories.forCertificate(cert.id);
    // Rendered outside the transaction: it is the slow part and needs no lock.
    const pdf = await renderCertificatePdf({
      code: cert.code,
      holderName: cert.holderName,
      courseTitle: cert.courseTitle,
      language: cert.language,
      hours: cert.hours,
      completedAt: cert.completedAt,
      verifyUrl,
      signedUrl: `${verifyUrl}#${token}`,
      signatory,
    });
    const issued = await this.ds.transaction(async (m) => {
      const [row] = await m.query(`SELECT status, signatory FROM certificates WHERE id = $1 FOR UPDATE`, [certificateId]);
      if (row?.status !== 'pending') return false;
      // The signatory is kept as first issued; if another run kept a different one meanwhile, render again.
      const kept = typeof row.signatory === 'string' ? JSON.parse(row.signatory) : row.signatory;
      if (kept && canonical(kept) !== canonical(snapshot)) throw new Error('The certificate kept another signatory meanwhile; rendering again.');
      await m.query(`UPDATE certificates SET signatory = $2 WHERE id = $1 AND signatory IS NULL`, [certificateId, JSON.stringify(snapshot)]);
      await m.query(
        `INSERT INTO certificate_files (certificate_id, pdf, sha256) VALUES ($1, $2, $3)
         ON CONFLICT (certificate_id) DO UPDATE SET pdf = EXCLUDED.pdf, sha256 = EXCLUDED.sha256`,
        [certificateId, pdf, createHash('sha256').update(pdf).digest('hex')],
      );
      await m.query(`UPDATE certificates SET status = 'issued', issued_at = now() WHERE id = $1`, [certificateId]);
      // The "certificate issued" mail is written in the same transaction, once per certificate.
      const [holder] = await m.query(`SELECT email, language FROM users WHERE id = $1 AND deleted_at IS NULL`, [cert.userId]);
      const mailId = holder
        ? await this.mail.write({
            template: 'certificate-issued', to: holder.email, language: holder.language, userId: cert.userId, dedupeKey: `certificate-issued:${certificateId}`,
            vars: { name: cert.holderName, courseTitle: cert.courseTitle, code: cert.code, link: `${this.config.publicUrl}/verify/${cert.code}` },
          }, m)
        : null;
      return mailId ?? true;
    });
    if (typeof issued === 'string') await this.mail.send([issued]);
    if (issued) this.logger.log(`Issued certificate ${cert.code}`);
    return issued ? 'issued' : 'skipped';
  }

  /** Pending certificates, oldest first: the work the queue must hold. */
  async pendingIds(limit = 500): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM certificates WHERE status = 'pending' ORDER BY created_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }
}

/** A flat object as JSON with its keys sorted (jsonb reorders keys). */
function canonical(o: object): string {
  return JSON.stringify(o, Object.keys(o).sort());
}
