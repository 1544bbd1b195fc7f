import { HttpException, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, emailHash } from '../audit/audit.service';
import type { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';

/** Attempts allowed per window before a lockout; a window starts with the first attempt. */
export const SIGN_IN_LIMITS = {
  windowSeconds: 15 * 60,
  perEmail: 10,
  perIp: 100,
  /** The first lockout lasts this long; each further one (within a day) twice the last, up to a day. */
  firstLockoutSeconds: 15 * 60,
  maxLockoutSeconds: 24 * 3600,
} as const;

/** 429 with the seconds to wait, for the Retry-After header. */
export class TooManySignInsException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(`Too many failed sign-in attempts. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`, 429);
  }
}

interface Counter {
  attempts: number;
  blocked_until: Date | null;
  locked_now: boolean;
}

/**
 * Sign-in with throttling that holds under parallel requests: every attempt takes its place in a counter row with one
 * atomic upsert (the row lock serialises a burst) before the password is checked, so a burst cannot all pass the check
 * together. Lockout windows grow: 15 min, then 30, 60 … up to a day while failures go on.
 */
@Injectable()
export class SignInService {
  private lastPrune = 0;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async signIn(email: string, password: string, ip: string): Promise<UserEntity> {
    this.prune();
    // The email first: attempts on a locked email never reach a password check, so they do not use up the address's.
    const byEmail = await this.take(`email:${email}`, SIGN_IN_LIMITS.perEmail);
    await this.refuseIfBlocked(byEmail, emailHash(email), ip);
    const byIp = await this.take(`ip:${ip}`, SIGN_IN_LIMITS.perIp);
    await this.refuseIfBlocked(byIp, `ip:${ip}`, ip);
    const user = await this.users.authenticate(email, password);
    if (!user) {
      await this.audit.record({ type: 'sign-in-failed', subject: emailHash(email), ip });
      // The same answer whether the email has an account or not.
      throw new UnauthorizedException('Wrong email or password.');
    }
    // Success clears the email's failures and gives the address its attempt back (an office behind one NAT signs in a lot).
    await this.ds.query(`DELETE FROM login_throttle WHERE key = $1 AND (blocked_until IS NULL OR blocked_until <= now())`, [`email:${email}`]);
    await this.ds.query(`UPDATE login_throttle SET attempts = greatest(attempts - 1, 0) WHERE key = $1`, [`ip:${ip}`]);
    await this.audit.record({ type: 'sign-in', actor: user, subject: user.id, ip });
    return user;
  }

  private async refuseIfBlocked(c: Counter, subject: string, ip: string): Promise<void> {
    if (!c.blocked_until || c.blocked_until.getTime() <= Date.now()) return;
    // Recorded once per lockout, by the attempt that started it.
    if (c.locked_now) await this.audit.record({ type: 'sign-in-locked', subject, detail: { attempts: c.attempts }, ip });
    throw new TooManySignInsException(Math.ceil((c.blocked_until.getTime() - Date.now()) / 1000));
  }

  /** Counts one attempt against `key` and starts a lockout when it passes `limit`; all in one statement. */
  private async take(key: string, limit: number): Promise<Counter> {
    const L = SIGN_IN_LIMITS;
    // Old window over and no lockout running: the count starts again (lockouts are remembered until pruned).
    const fresh = `(t.window_start <= now() - make_interval(secs => $3) AND (t.blocked_until IS NULL OR t.blocked_until <= now()))`;
    const locks = `(NOT ${fresh} AND t.attempts + 1 > $2 AND (t.blocked_until IS NULL OR t.blocked_until <= now()))`;
    const [row]: { attempts: number; blocked_until: Date | null; locked_now: boolean }[] = await this.ds.query(
      `INSERT INTO login_throttle AS t (key, attempts, window_start, updated_at) VALUES ($1, 1, now(), now())
       ON CONFLICT (key) DO UPDATE SET
         attempts = CASE WHEN ${fresh} THEN 1 ELSE t.attempts + 1 END,
         window_start = CASE WHEN ${fresh} THEN now() ELSE t.window_start END,
         blocked_until = CASE WHEN ${locks}
           THEN now() + make_interval(secs => least($5::float8, $4::float8 * power(2, least(t.lockouts, 20)))) ELSE t.blocked_until END,
         lockouts = CASE WHEN ${locks} THEN t.lockouts + 1 ELSE t.lockouts END,
         updated_at = now()
       RETURNING attempts, blocked_until, (attempts = $2 + 1 AND blocked_until > now()) AS locked_now`,
      [key, limit, L.windowSeconds, L.firstLockoutSeconds, L.maxLockoutSeconds],
    );
    return { ...row, blocked_until: row.blocked_until ? new Date(row.blocked_until) : null };
  }

  /** At most every 5 minutes: forget counters idle for a day whose lockout is over (keeps the table small). */
  private prune(): void {
    if (Date.now() - this.lastPrune < 5 * 60_000) return;
    this.lastPrune = Date.now();
    this.ds
      .query(`DELETE FROM login_throttle WHERE updated_at < now() - interval '1 day' AND (blocked_until IS NULL OR blocked_until <= now())`)
      .catch(() => (this.lastPrune = 0));
  }

}
