import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { normalizeCertificateCode } from '@ecampus/certificate';
import type { MyCertificateDto, VerifyDto } from '@ecampus/contracts';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/errors';
import type { UserEntity } from '../users/user.entity';
import { CertificateEntity } from './certificate.entity';
import { SigningKeysService } from './signing-keys.service';

/** `GET /api/certificates/revocations`: the list in clear and the same list signed (`token`, see README). */
export interface RevocationListDto {
  format: 'ecampus-revocations-v1';
  kid: string;
  generatedAt: string;
  revoked: { code: string; revokedAt: string }[];
  token: string;
}

@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly keys: SigningKeysService,
    private readonly audit: AuditService,
  ) {}

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
      ...(cert.status === 'revoked' ? { revokedReason: cert.revokedReason, replacedByCode: cert.replacedByCode } : {}),
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

  /** Every revoked code, whatever the reason (admin revocation, name corrected…), oldest first, signed. */
  async revocations(): Promise<RevocationListDto> {
    const rows: { code: string; revoked_at: Date | null }[] = await this.ds.query(
      `SELECT code, revoked_at FROM certificates WHERE status = 'revoked' ORDER BY revoked_at NULLS FIRST, code`,
    );
    const generatedAt = new Date().toISOString();
    const revoked = rows.map((r) => ({ code: r.code, revokedAt: new Date(r.revoked_at ?? 0).toISOString() }));
    const { kid, token } = await this.keys.signToken((k) => ({ k, format: 'ecampus-revocations-v1', generatedAt, revoked }));
    return { format: 'ecampus-revocations-v1', kid, generatedAt, revoked, token };
  }
}
