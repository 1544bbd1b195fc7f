import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AUDIT_TYPES, type AuditEventDto, type AuditPageDto, type AuditType } from '@ecampus/contracts';

export interface AuditEntry {
  type: AuditType;
  actor?: { id: string; email: string } | null;
  subject?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

/** Failed sign-ins name an email that may not be an account (or be a typo of a password): keep a hash only. */
export function emailHash(email: string): string {
  return 'sha256:' + createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
}

const PAGE_SIZE = 50;

/** The security audit log: written where the event happens (in its transaction when it has one), read by admins. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Pass the transaction's manager when there is one: the event then commits or rolls back with the change. */
  async record(entry: AuditEntry, m: EntityManager = this.ds.manager): Promise<void> {
    await m.query(`INSERT INTO audit_events (type, actor_id, actor_email, subject, detail, ip) VALUES ($1, $2, $3, $4, $5, $6)`, [
      entry.type,
      entry.actor?.id ?? null,
      entry.actor?.email ?? null,
      entry.subject ?? null,
      JSON.stringify(entry.detail ?? {}),
      entry.ip ?? null,
    ]);
  }

  async page(type: string | undefined, pageParam: string | undefined): Promise<AuditPageDto> {
    if (type !== undefined && type !== '' && !AUDIT_TYPES.includes(type as AuditType)) {
      throw new BadRequestException(`type must be one of: ${AUDIT_TYPES.join(', ')}`);
    }
    const page = pageParam === undefined || pageParam === '' ? 1 : Number(pageParam);
    if (!Number.isInteger(page) || page < 1 || page > 1_000_000) throw new BadRequestException('page must be a whole number from 1');
    const t = type || null;
    const rows: { id: string; created_at: Date; type: AuditType; actor_id: string | null; actor_email: string | null; subject: string | null; detail: Record<string, unknown>; ip: string | null }[] =
      await this.ds.query(
        `SELECT id::text, created_at, type, actor_id, actor_email, subject, detail, ip FROM audit_events
          WHERE ($1::text IS NULL OR type = $1) ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
        [t, PAGE_SIZE, (page - 1) * PAGE_SIZE],
      );
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM audit_events WHERE ($1::text IS NULL OR type = $1)`, [t]);
    const events: AuditEventDto[] = rows.map((r) => ({
      id: r.id,
      at: new Date(r.created_at).toISOString(),
      type: r.type,
      actor: r.actor_id || r.actor_email ? { id: r.actor_id, email: r.actor_email } : null,
      subject: r.subject,
      detail: typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail,
      ip: r.ip,
    }));
    return { events, total, page, pageSize: PAGE_SIZE };
  }
}
