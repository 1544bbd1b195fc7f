import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue, Worker } from 'bullmq';
import type IORedis from 'ioredis';
import { redisConnection, workerRedisConnection } from '../common/redis';
import { QuietLog, within } from '../certificates/quiet-log';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource, type EntityManager } from 'typeorm';
import type { OutboxMessageDto } from '@ecampus/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { renderMail, type MailTemplate, type MailVars } from './templates';

export const MAIL_QUEUE = 'mail';
/** Tries per message (queue retries included) before it is marked failed and left for an admin. */
export const MAIL_MAX_ATTEMPTS = 6;

export interface NewMail {
  template: MailTemplate;
  to: string;
  language: string;
  vars: MailVars;
  userId?: string | null;
  /** A message with the same key is written only once (e.g. one reminder per stall, one mail per certificate). */
  dedupeKey?: string;
}

/** Where mail jobs go: BullMQ when REDIS_URL is set, otherwise this process. The job is only the message id. */
export abstract class MailQueue {
  abstract enqueue(messageId: string): Promise<void>;
}

/**
 * Sends one stored message. The row lock makes "is it still pending?" and "mark it sent" one step, so two
 * workers (or a retry racing a sweep) never both send it. Without SMTP_URL the message stays in the outbox.
 */
@Injectable()
export class MailDelivery {
  private readonly logger = new Logger('Mail');
  private transport?: Transporter;

  constructor(@InjectDataSource() private readonly ds: DataSource, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private smtp(): Transporter {
    this.transport ??= createTransport(this.config.smtpUrl!);
    return this.transport;
  }

  async deliver(messageId: string): Promise<'sent' | 'outbox' | 'skipped'> {
    try {
      return await this.ds.transaction(async (m) => {
        const [row] = await m.query(
          `SELECT id, to_address, subject, text_body, html_body, status FROM mail_messages WHERE id = $1 FOR UPDATE`,
          [messageId],
        );
        if (row?.status !== 'pending') return 'skipped';
        if (!this.config.smtpUrl) {
          await m.query(`UPDATE mail_messages SET status = 'outbox', attempts = attempts + 1 WHERE id = $1`, [messageId]);
          return 'outbox';
        }
        // The Message-ID is the row id: should a crash fall between the SMTP answer and the commit, a resend
        // carries the same id and receivers can drop the duplicate.
        await this.smtp().sendMail({
          from: this.config.mailFrom,
          to: row.to_address,
          subject: row.subject,
          text: row.text_body,
          html: row.html_body,
          messageId: `<${row.id}@ecampus>`,
        });
        await m.query(`UPDATE mail_messages SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`, [messageId]);
        return 'sent';
      });
    } catch (e) {
      const message = (e as Error).message;
      const [row] = await this.ds.query(
        `UPDATE mail_messages SET attempts = attempts + 1, last_error = $2,
                status = CASE WHEN attempts + 1 >= $3 THEN 'failed' ELSE status END
          WHERE id = $1 AND status = 'pending' RETURNING status`,
        [messageId, message.slice(0, 500), MAIL_MAX_ATTEMPTS],
      );
      this.logger.warn(`Mail ${messageId} not sent (${message})${row?.status === 'failed' ? '; giving up' : '; will retry'}`);
      if (row?.status === 'failed') return 'skipped';
      throw e;
    }
  }

  /** Messages still to send, oldest first: the work the queue must hold. */
  async pendingIds(limit = 500): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM mail_messages WHERE status = 'pending' ORDER BY created_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  close(): void {
    this.transport?.close();
  }
}

/** Writes messages (the database is the source of truth) and hands their ids to the queue. */
@Injectable()
export class MailService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: MailQueue,
  ) {}

  get publicUrl(): string {
    return this.config.publicUrl;
  }

  /**
   * Stores a message, inside the caller's transaction when one is given (then call `send` after the commit).
   * Returns its id, or null when a message with the same dedupe key already exists.
   */
  async write(mail: NewMail, m: EntityManager | DataSource = this.ds): Promise<string | null> {
    const { subject, text, html } = renderMail(mail.template, mail.language, mail.vars);
    const [row] = await m.query(
      `INSERT INTO mail_messages (user_id, dedupe_key, template, to_address, subject, text_body, html_body)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [mail.userId ?? null, mail.dedupeKey ?? null, mail.template, mail.to, subject, text, html],
    );
    return (row?.id as string | undefined) ?? null;
  }

  async send(ids: (string | null | undefined)[]): Promise<void> {
    for (const id of ids) if (id) await this.queue.enqueue(id);
  }

  /** Write and queue at once (no surrounding transaction). */
  async queueMail(mail: NewMail): Promise<string | null> {
    const id = await this.write(mail);
    await this.send([id]);
    return id;
  }

  async outbox(limit = 200): Promise<OutboxMessageDto[]> {
    const rows: { id: string; to_address: string; subject: string; text_body: string; template: string; status: OutboxMessageDto['status']; created_at: Date }[] =
      await this.ds.query(
        `SELECT id, to_address, subject, text_body, template, status, created_at FROM mail_messages ORDER BY created_at DESC, id LIMIT $1`,
        [limit],
      );
    return rows.map((r) => ({
      id: r.id, to: r.to_address, subject: r.subject, text: r.text_body, template: r.template, status: r.status,
      createdAt: new Date(r.created_at).toISOString(),
    }));
  }
}

@Injectable()
export class BullMailQueue extends MailQueue implements OnApplicationShutdown {
  private readonly log = new QuietLog(new Logger('MailQueue'));
  private readonly connection: IORedis;
  private readonly queue: Queue<{ messageId: string }>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super();
    // A producer must not hang while Redis is away: fail at once and let the sweeper queue it again.
    this.connection = redisConnection(config.redisUrl!);
    this.connection.on('error', () => undefined); // a failed add is logged; the sweeper queues the message again
    this.queue = new Queue(MAIL_QUEUE, { connection: this.connection, prefix: config.queuePrefix });
    // Without a listener BullMQ prints every reconnection error in full (issue 8).
    this.queue.on('error', (e) => this.log.warn('redis', `Redis: ${e.message}`));
  }

  async enqueue(messageId: string): Promise<void> {
    try {
      // Removed on completion and on failure, so a later sweep can add the same id again; the row's status,
      // not the queue, decides whether anything is sent.
      await this.queue.add('send', { messageId }, {
        jobId: messageId, attempts: MAIL_MAX_ATTEMPTS, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: true, removeOnFail: true,
      });
    } catch (e) {
      this.log.warn('enqueue', `Could not queue mail ${messageId} (${(e as Error).message}); it will be queued again.`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // With Redis down close() waits on commands that never run: bounded, then the connection is dropped.
    if (this.connection.status !== 'ready') this.connection.disconnect();
    await within(this.queue.close(), 1000, undefined);
    this.connection.disconnect();
  }
}

/** No Redis: messages are sent one at a time in this process, retried with a growing delay. */
@Injectable()
export class InProcessMailQueue extends MailQueue implements OnApplicationShutdown {
  private readonly waiting = new Set<string>();
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly delivery: MailDelivery) {
    super();
  }

  async enqueue(messageId: string): Promise<void> {
    if (this.waiting.has(messageId) || this.closed) return;
    this.waiting.add(messageId);
    this.chain = this.chain.then(() => this.run(messageId));
  }

  private async run(messageId: string): Promise<void> {
    for (let attempt = 1; attempt <= MAIL_MAX_ATTEMPTS && !this.closed; attempt++) {
      try {
        await this.delivery.deliver(messageId);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 500 * 2 ** attempt).unref());
      }
    }
    this.waiting.delete(messageId);
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.chain;
    this.delivery.close();
  }
}

@Injectable()
export class MailWorker implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new QuietLog(new Logger('MailWorker'));
  private worker?: Worker<{ messageId: string }>;
  private connection?: IORedis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig, private readonly delivery: MailDelivery) {}

  onModuleInit(): void {
    // A worker's own connection, as the certificate worker's (see workerRedisConnection): it waits for Redis.
    this.connection = workerRedisConnection(this.config.redisUrl!);
    this.connection.on('error', (e) => this.log.warn('redis', `Redis: ${e.message}`));
    this.connection.on('ready', () => this.log.clear('redis'));
    this.worker = new Worker(MAIL_QUEUE, (job) => this.delivery.deliver(job.data.messageId), {
      connection: this.connection,
      prefix: this.config.queuePrefix,
      concurrency: 2,
      lockDuration: 30_000,
      stalledInterval: 10_000,
      runRetryDelay: 2_000,
    });
    this.worker.on('error', (err) => this.log.warn('worker', `Worker: ${err.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker) {
      // Redis away: nothing can be recorded; drop the connection so nothing waits on parked commands.
      if (this.connection?.status !== 'ready') {
        this.connection?.disconnect();
        void this.worker.close().catch(() => undefined);
        await within(this.worker.disconnect(), 500, undefined);
      } else if ((await within(this.worker.close().then(() => true), 1500, false)) === false) {
        this.connection?.disconnect();
        await within(this.worker.disconnect(), 1000, undefined);
      }
    }
    this.connection?.disconnect();
    this.delivery.close();
  }
}

/**
 * Queues again every unsent message (a crash between commit and enqueue, Redis down), and writes the
 * 14-day reminders: one per stall, keyed by the enrolment and the time of its last progress.
 */
@Injectable()
export class MailSweeper implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('MailSweeper');
  private timers: NodeJS.Timeout[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly delivery: MailDelivery,
    private readonly queue: MailQueue,
    private readonly mail: MailService,
  ) {}

  onModuleInit(): void {
    setImmediate(() => void this.sweep());
    for (const [ms, fn] of [[this.config.mailSweepMs, () => this.sweep()], [this.config.reminderSweepMs, () => this.remind()]] as const) {
      if (ms > 0) {
        const t = setInterval(() => void fn(), ms);
        t.unref();
        this.timers.push(t);
      }
    }
  }

  async sweep(): Promise<number> {
    try {
      const ids = await this.delivery.pendingIds();
      for (const id of ids) await this.queue.enqueue(id);
      return ids.length;
    } catch (e) {
      this.logger.warn(`Sweep failed: ${(e as Error).message}`);
      return 0;
    }
  }

  /** Writes a reminder for every active enrolment without progress for `days` days; returns how many. */
  async remind(days = 14): Promise<number> {
    try {
      const rows: { enrollment_id: string; user_id: string; email: string; name: string; language: string; last: Date; title: string; slug: string }[] =
        await this.ds.query(
          `SELECT e.id AS enrollment_id, u.id AS user_id, u.email, u.name, u.language, c.slug, c.title, s.last
             FROM enrollments e
             JOIN users u ON u.id = e.user_id
             JOIN courses c ON c.id = e.course_id
             CROSS JOIN LATERAL (
               SELECT greatest(e.enrolled_at, (SELECT max(p.completed_at) FROM item_progress p WHERE p.enrollment_id = e.id),
                               (SELECT max(a.created_at) FROM quiz_attempts a WHERE a.enrollment_id = e.id)) AS last
             ) s
            WHERE e.status = 'active' AND u.active AND u.deleted_at IS NULL AND u.reminders_enabled
              AND s.last < now() - make_interval(days => $1)
            LIMIT 1000`,
          [days],
        );
      const ids: (string | null)[] = [];
      for (const r of rows) {
        ids.push(
          await this.mail.write({
            template: 'reminder', to: r.email, language: r.language, userId: r.user_id,
            dedupeKey: `reminder:${r.enrollment_id}:${new Date(r.last).toISOString()}`,
            vars: { name: r.name, courseTitle: r.title ?? r.slug, link: `${this.config.publicUrl}/courses/${r.slug}`, profileLink: `${this.config.publicUrl}/profile` },
          }),
        );
      }
      await this.mail.send(ids);
      return ids.filter(Boolean).length;
    } catch (e) {
      this.logger.warn(`Reminder sweep failed: ${(e as Error).message}`);
      return 0;
    }
  }

  onApplicationShutdown(): void {
    for (const t of this.timers) clearInterval(t);
  }
}
