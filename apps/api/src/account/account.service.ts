import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { generateCertificateCode } from '@ecampus/certificate';
import { CertificateQueue } from '../certificates/certificate-queue';
import { MailService } from '../mail/mail.service';
import { UserEntity } from '../users/user.entity';
import { ARGON2 } from '../users/users.service';
import type { UpdateProfileDto } from './account.dto';

const RESET_TTL = '1 hour';
const EMAIL_TTL = '24 hours';
export const NAME_CORRECTED = 'name corrected';
const MAX_LINKS_PER_HOUR = 5;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const isUniqueViolation = (e: unknown) => e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505';

/** Profile, password, email, reset links, export and erasure of one's own account. */
@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly mail: MailService,
    private readonly certificates: CertificateQueue,
  ) {}

  private link(path: string, token: string) {
    // The token travels in the fragment: browsers send it to no server, log or Referer.
    return `${this.mail.publicUrl}${path}#token=${token}`;
  }

  private async passwordMatches(userId: string, password: string, m: EntityManager | DataSource = this.ds): Promise<boolean> {
    const [row] = await m.query(`SELECT password_hash FROM users WHERE id = $1`, [userId]);
    return !!row && (await verify(row.password_hash, password).catch(() => false));
  }

  async welcome(user: UserEntity): Promise<void> {
    await this.mail.queueMail({
      template: 'welcome', to: user.email, language: user.language, userId: user.id, dedupeKey: `welcome:${user.id}`,
      vars: { name: user.name, link: `${this.mail.publicUrl}/` },
    });
  }

  /**
   * Applies a profile change. A new name re-issues every issued certificate of the user: the old one is
   * revoked ("name corrected") and points to the new code; the new one is queued like a completion's.
   * `actor` is who asked (the user, or an admin correcting a learner's name).
   */
  async updateProfile(userId: string, body: UpdateProfileDto, actorId: string): Promise<UserEntity> {
    const { newCertificates } = await this.ds.transaction(async (m) => {
      const repo = m.getRepository(UserEntity);
      const user = await repo.createQueryBuilder('u').setLock('pessimistic_write').where('u.id = :userId', { userId }).getOneOrFail();
      const changes: Partial<UserEntity> = {};
      for (const key of ['name', 'institution', 'institutionType', 'position', 'gender', 'language', 'country', 'remindersEnabled'] as const) {
        if (body[key] !== undefined && body[key] !== user[key]) (changes as Record<string, unknown>)[key] = body[key];
      }
      if (Object.keys(changes).length) await repo.update(userId, changes);
      const ids: string[] = [];
      if (changes.name) {
        // Pending ones are replaced too, not renamed in place: a worker may be rendering the old name right now,
        // and its locked check will find the old one no longer pending and skip it.
        const issued: { id: string }[] = await m.query(
          `SELECT id FROM certificates WHERE user_id = $1 AND status IN ('issued', 'pending') AND replaced_by_code IS NULL ORDER BY created_at FOR UPDATE`,
          [userId],
        );
        for (const { id } of issued) {
          const code = generateCertificateCode();
          // The old one first: the live-certificate unique indexes allow one unreplaced certificate per enrolment.
          await m.query(
            `UPDATE certificates SET status = 'revoked', revoked_at = now(), revoked_reason = $2, revoked_by = $3, replaced_by_code = $4 WHERE id = $1`,
            [id, NAME_CORRECTED, actorId, code],
          );
          const [created] = await m.query(
            `INSERT INTO certificates (code, user_id, enrollment_id, translation_key, course_id, holder_name, course_title, language, hours, completed_at)
             SELECT $2, user_id, enrollment_id, translation_key, course_id, $3, course_title, language, hours, completed_at FROM certificates WHERE id = $1
             RETURNING id`,
            [id, code, changes.name],
          );
          ids.push(created.id);
        }
      }
      return { newCertificates: ids };
    });
    for (const id of newCertificates) await this.certificates.enqueue(id);
    return (await this.ds.getRepository(UserEntity).findOneBy({ id: userId }))!;
  }

  /** 204 when the current password is right; every other session of the user ends. */
  async changePassword(userId: string, currentPassword: string, newPassword: string, keepSessionId: string): Promise<void> {
    if (!(await this.passwordMatches(userId, currentPassword))) throw new BadRequestException('currentPassword is not the password of this account');
    const passwordHash = await hash(newPassword, ARGON2);
    await this.ds.transaction(async (m) => {
      await m.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [userId, passwordHash]);
      await m.query(`DELETE FROM sessions WHERE sess->>'userId' = $1 AND sid <> $2`, [userId, keepSessionId]);
      await m.query(`UPDATE account_tokens SET used_at = now() WHERE user_id = $1 AND purpose = 'password-reset' AND used_at IS NULL`, [userId]);
    });
  }

  /** Mails a confirmation link to the NEW address; nothing changes until it is opened. */
  async requestEmailChange(user: UserEntity, email: string, password: string): Promise<void> {
    if (!(await this.passwordMatches(user.id, password))) throw new BadRequestException('password is not the password of this account');
    if (email === user.email.toLowerCase()) throw new BadRequestException('email is already the address of this account');
    const [taken] = await this.ds.query(`SELECT 1 FROM users WHERE lower(email) = $1`, [email]);
    if (taken) throw new ConflictException('email is already used by another account');
    const token = randomBytes(32).toString('base64url');
    const mailId = await this.ds.transaction(async (m) => {
      await m.query(`UPDATE account_tokens SET used_at = now() WHERE user_id = $1 AND purpose = 'email-change' AND used_at IS NULL`, [user.id]);
      await m.query(
        `INSERT INTO account_tokens (user_id, purpose, token_hash, new_email, expires_at) VALUES ($1, 'email-change', $2, $3, now() + interval '${EMAIL_TTL}')`,
        [user.id, sha256(token), email],
      );
      return this.mail.write(
        { template: 'email-change', to: email, language: user.language, userId: user.id, vars: { name: user.name, link: this.link('/confirm-email', token) } },
        m,
      );
    });
    await this.mail.send([mailId]);
  }

  async confirmEmailChange(token: string): Promise<UserEntity> {
    const userId = await this.ds.transaction(async (m) => {
      const row = await this.useToken(m, token, 'email-change');
      try {
        await m.query(`UPDATE users SET email = $2, updated_at = now() WHERE id = $1`, [row.user_id, row.new_email]);
      } catch (e) {
        if (isUniqueViolation(e)) throw new ConflictException('email is already used by another account');
        throw e;
      }
      return row.user_id as string;
    });
    return (await this.ds.getRepository(UserEntity).findOneBy({ id: userId }))!;
  }

  /** Always the same answer; a link is mailed only when an active account has this email. */
  async forgotPassword(email: string): Promise<void> {
    const user = await this.ds.getRepository(UserEntity).createQueryBuilder('u').where('lower(u.email) = :email AND u.active', { email }).getOne();
    if (!user) return;
    // No more than a few links an hour per account: the route must not become a way to flood a mailbox.
    const [{ recent }] = await this.ds.query(
      `SELECT count(*)::int AS recent FROM account_tokens WHERE user_id = $1 AND purpose = 'password-reset' AND created_at > now() - interval '1 hour'`,
      [user.id],
    );
    if (recent >= MAX_LINKS_PER_HOUR) return;
    const token = randomBytes(32).toString('base64url');
    const mailId = await this.ds.transaction(async (m) => {
      await m.query(
        `INSERT INTO account_tokens (user_id, purpose, token_hash, expires_at) VALUES ($1, 'password-reset', $2, now() + interval '${RESET_TTL}')`,
        [user.id, sha256(token)],
      );
      return this.mail.write(
        { template: 'password-reset', to: user.email, language: user.language, userId: user.id, vars: { name: user.name, link: this.link('/reset-password', token) } },
        m,
      );
    });
    await this.mail.send([mailId]);
  }

  /** Sets the new password once per token; all sessions of the user end. */
  async resetPassword(token: string, password: string): Promise<void> {
    const passwordHash = await hash(password, ARGON2);
    await this.ds.transaction(async (m) => {
      const row = await this.useToken(m, token, 'password-reset');
      await m.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [row.user_id, passwordHash]);
      // Every other reset link of this user dies with this one.
      await m.query(`UPDATE account_tokens SET used_at = now() WHERE user_id = $1 AND purpose = 'password-reset' AND used_at IS NULL`, [row.user_id]);
      await m.query(`DELETE FROM sessions WHERE sess->>'userId' = $1`, [row.user_id]);
    });
  }

  /** Marks a token used under a row lock (so two clicks cannot both use it); 400 when unknown, used or expired. */
  private async useToken(m: EntityManager, token: string, purpose: string): Promise<{ user_id: string; new_email: string | null }> {
    const [row] = await m.query(
      `SELECT t.id, t.user_id, t.new_email, (t.used_at IS NULL AND t.expires_at > now() AND u.active) AS usable
         FROM account_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.purpose = $2 FOR UPDATE OF t`,
      [sha256(token), purpose],
    );
    if (!row?.usable) throw new BadRequestException('token is not valid: it was already used, has expired, or was never issued');
    await m.query(`UPDATE account_tokens SET used_at = now() WHERE id = $1`, [row.id]);
    return row;
  }

  /** Everything stored about the user, as one JSON document. */
  async export(userId: string) {
    const q = (sql: string) => this.ds.query(sql, [userId]);
    const [profile] = await q(
      `SELECT id, email, name, role, country, institution, institution_type AS "institutionType", position, gender, language,
              reminders_enabled AS "remindersEnabled", created_at AS "createdAt", updated_at AS "updatedAt"
         FROM users WHERE id = $1`,
    );
    const enrollments = await q(
      `SELECT e.id, c.slug AS "courseSlug", c.title AS "courseTitle", e.status, e.enrolled_at AS "enrolledAt", e.completed_at AS "completedAt"
         FROM enrollments e JOIN courses c ON c.id = e.course_id WHERE e.user_id = $1 ORDER BY e.enrolled_at`,
    );
    const progress = await q(
      `SELECT p.enrollment_id AS "enrollmentId", p.item_key AS "itemKey", p.completed_at AS "completedAt"
         FROM item_progress p JOIN enrollments e ON e.id = p.enrollment_id WHERE e.user_id = $1 ORDER BY p.completed_at`,
    );
    const attempts = await q(
      `SELECT a.id, a.enrollment_id AS "enrollmentId", a.item_key AS "itemKey", a.answers, a.score, a.passed, a.created_at AS "createdAt"
         FROM quiz_attempts a JOIN enrollments e ON e.id = a.enrollment_id WHERE e.user_id = $1 ORDER BY a.created_at`,
    );
    const certificates = await q(
      `SELECT code, status, holder_name AS "holderName", course_title AS "courseTitle", language, hours::float AS hours,
              completed_at AS "completedAt", issued_at AS "issuedAt", revoked_at AS "revokedAt", revoked_reason AS "revokedReason",
              replaced_by_code AS "replacedByCode"
         FROM certificates WHERE user_id = $1 ORDER BY created_at`,
    );
    const mail = await q(
      `SELECT template, to_address AS "to", subject, status, created_at AS "createdAt" FROM mail_messages WHERE user_id = $1 ORDER BY created_at`,
    );
    return { exportedAt: new Date().toISOString(), profile, enrollments, progress, attempts, certificates, mail };
  }

  /**
   * Erases the account's personal data and signs it out everywhere. The users row stays, emptied, because
   * issued certificates (which carry their own holder name, course and dates) must stay verifiable.
   */
  async deleteAccount(user: UserEntity, password: string): Promise<void> {
    if (!(await this.passwordMatches(user.id, password))) throw new BadRequestException('password is not the password of this account');
    if (user.role === 'admin') {
      const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active AND id <> $1`, [user.id]);
      if (n === 0) throw new ConflictException('You are the only admin: make another admin first.');
    }
    await this.ds.transaction(async (m) => {
      await m.query(`DELETE FROM item_progress WHERE enrollment_id IN (SELECT id FROM enrollments WHERE user_id = $1)`, [user.id]);
      await m.query(`DELETE FROM quiz_attempts WHERE enrollment_id IN (SELECT id FROM enrollments WHERE user_id = $1)`, [user.id]);
      await m.query(`DELETE FROM account_tokens WHERE user_id = $1`, [user.id]);
      await m.query(`DELETE FROM mail_messages WHERE user_id = $1`, [user.id]);
      await m.query(`DELETE FROM course_editors WHERE user_id = $1`, [user.id]);
      await m.query(`DELETE FROM sessions WHERE sess->>'userId' = $1`, [user.id]);
      // Country and institution type stay as anonymous statistics for the reports; the rest is erased.
      await m.query(
        `UPDATE users SET email = $2, name = '', institution = '', position = NULL, gender = NULL, password_hash = '!',
                active = false, reminders_enabled = false, role = 'learner', deleted_at = now(), updated_at = now()
          WHERE id = $1`,
        [user.id, `deleted-${user.id}@deleted.invalid`],
      );
    });
  }
}
