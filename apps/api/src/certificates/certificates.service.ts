import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { normalizeCertificateCode } from '@ecampus/certificate';
import type { MyCertificateDto, VerifyDto } from '@ecampus/contracts';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/errors';
import type { UserEntity } from '../users/user.entity';
import { CertificateEntity } from './certificate.entity';

@Injectable()
export class CertificatesService {
  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly audit: AuditService) {}

  async byCode(code: string): Promise<CertificateEntity> {
    const normal = normalizeCertificateCode(code);
    const cert = normal ? await this.ds.getRepository(CertificateEntity).findOneBy({ code: normal }) : null;
    if (!cert) throw notFound('Certificate');
    return cert;
  }

  async mine(user: UserEntity): Promise<MyCertificateDto[]> {
    const rows: { code: string; status: MyCertificateDto['status']; issued_at: Date | null; slug: string; course_title: string }[] = await this.ds.query(
      `SELECT c.code, c.status, c.issued_at, co.slug, c.course_title
         FROM certificates c JOIN courses co ON co.id = c.course_id
        WHERE c.user_id = $1 ORDER BY c.created_at DESC`,
      [user.id],
    );
    return rows.map((r) => ({
      code: r.code,
      course: { slug: r.slug, title: r.course_title },
      status: r.status,
      ...(r.issued_at ? { issuedAt: new Date(r.issued_at).toISOString() } : {}),
    }));
  }

  /** The PDF for its holder or an admin; anyone else is told it does not exist. */
  async pdf(user: UserEntity, code: string): Promise<{ cert: CertificateEntity; pdf: Buffer }> {
    const cert = await this.byCode(code);
    if (cert.userId !== user.id && user.role !== 'admin') throw notFound('Certificate');
    const [file] = await this.ds.query(`SELECT pdf FROM certificate_files WHERE certificate_id = $1`, [cert.id]);
    if (!file) throw notFound('Certificate PDF (it is still being prepared)');
    return { cert, pdf: file.pdf };
  }

  async verify(code: string): Promise<VerifyDto> {
    const cert = await this.byCode(code);
    return {
      valid: cert.status === 'issued',
      status: cert.status,
      holderName: cert.holderName,
      courseTitle: cert.courseTitle,
      issuedAt: cert.issuedAt?.toISOString() ?? null,
      hours: cert.hours,
      code: cert.code,
      ...(cert.status === 'revoked' ? { revokedReason: cert.revokedReason } : {}),
    };
  }

  async revoke(admin: UserEntity, code: string, reason: string): Promise<VerifyDto> {
    const cert = await this.byCode(code);
    // Who and why are kept twice: on the certificate (what verify shows) and in the audit log, in one transaction.
    await this.ds.transaction(async (m) => {
      await m.query(
        `UPDATE certificates SET status = 'revoked', revoked_at = now(), revoked_reason = $2, revoked_by = $3 WHERE id = $1`,
        [cert.id, reason, admin.id],
      );
      await this.audit.record({ type: 'certificate-revoked', actor: admin, subject: cert.code, detail: { reason, previousStatus: cert.status } }, m);
    });
    return this.verify(cert.code);
  }
}
