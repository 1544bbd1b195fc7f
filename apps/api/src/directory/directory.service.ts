import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { existsSync, readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { parse } from 'yaml';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DIRECTORY_KINDS, type AdminDirectoryEntryDto, type DirectoryEntryDto, type DirectoryKind } from '@ecampus/contracts';
import { isUuid, notFound } from '../common/errors';
import { DirectoryEntryInput } from './directory.dto';

interface Row {
  id: string;
  country: string;
  kind: DirectoryKind;
  name: string;
  phone: string | null;
  url: string | null;
  hours: string | null;
  languages: string[];
  source: string;
  verified_at: string;
  updated_at: Date;
  stale: boolean;
}

/** Entries not checked against their source for this long are flagged to admins. */
const STALE_AFTER = `interval '12 months'`;
const COLUMNS = `id, country, kind, name, phone, url, hours, languages, source, to_char(verified_at, 'YYYY-MM-DD') AS verified_at,
  updated_at, verified_at < (current_date - ${STALE_AFTER}) AS stale`;

const toDto = (r: Row): DirectoryEntryDto => ({
  id: r.id,
  country: r.country,
  kind: r.kind,
  name: r.name,
  ...(r.phone ? { phone: r.phone } : {}),
  ...(r.url ? { url: r.url } : {}),
  ...(r.hours ? { hours: r.hours } : {}),
  languages: r.languages,
  source: r.source,
  verifiedAt: r.verified_at,
});

const SEEDED = 'directory_seeded';

@Injectable()
export class DirectoryService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The public directory of one country (or all), optionally one kind: emergency numbers first, then by name. */
  async list(filter: { country?: string; kind?: string }): Promise<DirectoryEntryDto[]> {
    const { country, kind } = this.filter(filter);
    const rows: Row[] = await this.ds.query(
      `SELECT ${COLUMNS} FROM directory_entries
        WHERE ($1::text IS NULL OR country = $1) AND ($2::text IS NULL OR kind = $2)
        ORDER BY country, array_position($3::text[], kind), name`,
      [country ?? null, kind ?? null, DIRECTORY_KINDS],
    );
    return rows.map(toDto);
  }

  async adminList(filter: { country?: string; kind?: string; stale?: string }): Promise<AdminDirectoryEntryDto[]> {
    const { country, kind } = this.filter(filter);
    if (filter.stale !== undefined && filter.stale !== 'true' && filter.stale !== 'false') throw new BadRequestException('stale must be true or false');
    const rows: Row[] = await this.ds.query(
      `SELECT ${COLUMNS} FROM directory_entries
        WHERE ($1::text IS NULL OR country = $1) AND ($2::text IS NULL OR kind = $2)
          AND ($3::boolean IS NULL OR (verified_at < (current_date - ${STALE_AFTER})) = $3)
        ORDER BY stale DESC, country, array_position($4::text[], kind), name`,
      [country ?? null, kind ?? null, filter.stale === undefined ? null : filter.stale === 'true', DIRECTORY_KINDS],
    );
    return rows.map((r) => ({ ...toDto(r), stale: r.stale, updatedAt: new Date(r.updated_at).toISOString() }));
  }

  async get(id: string): Promise<AdminDirectoryEntryDto> {
    if (!isUuid(id)) throw notFound('Directory entry');
    const [row]: Row[] = await this.ds.query(`SELECT ${COLUMNS} FROM directory_entries WHERE id = $1`, [id]);
    if (!row) throw notFound('Directory entry');
    return { ...toDto(row), stale: row.stale, updatedAt: new Date(row.updated_at).toISOString() };
  }

  async create(input: DirectoryEntryInput): Promise<AdminDirectoryEntryDto> {
    checkVerifiedAt(input.verifiedAt);
    const [{ id }] = await this.ds.query(
      `INSERT INTO directory_entries (country, kind, name, phone, url, hours, languages, source, verified_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      values(input),
    );
    return this.get(id);
  }

  async update(id: string, input: DirectoryEntryInput): Promise<AdminDirectoryEntryDto> {
    if (!isUuid(id)) throw notFound('Directory entry');
    checkVerifiedAt(input.verifiedAt);
    const [, count] = await this.ds.query(
      `UPDATE directory_entries SET country = $2, kind = $3, name = $4, phone = $5, url = $6, hours = $7, languages = $8,
              source = $9, verified_at = $10, updated_at = now()
        WHERE id = $1 RETURNING id`,
      [id, ...values(input)],
    );
    if (!count) throw notFound('Directory entry');
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    if (!isUuid(id)) throw notFound('Directory entry');
    const [, count] = await this.ds.query(`DELETE FROM directory_entries WHERE id = $1`, [id]);
    if (!count) throw notFound('Directory entry');
  }

  /**
   * On the first start, the entries shipped in `directory/referral-directory.yaml` (each with its public source).
   * Once seeded, the directory belongs to the admins: deleting every entry does not bring the file back.
   */
  async seedOnce(file: string): Promise<number> {
    const [done] = await this.ds.query(`SELECT 1 FROM settings WHERE key = $1`, [SEEDED]);
    if (done || !existsSync(file)) return 0;
    const entries = parseDirectoryFile(readFileSync(file, 'utf8'), file);
    return this.ds.transaction(async (m) => {
      const claimed = await m.query(`INSERT INTO settings (key, value) VALUES ($1, now()::text) ON CONFLICT (key) DO NOTHING RETURNING key`, [SEEDED]);
      if (!claimed.length) return 0;
      for (const e of entries) {
        await m.query(
          `INSERT INTO directory_entries (country, kind, name, phone, url, hours, languages, source, verified_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          values(e),
        );
      }
      new Logger('Directory').log(`Referral directory: ${entries.length} entries from ${file}`);
      return entries.length;
    });
  }

  private filter({ country, kind }: { country?: string; kind?: string }) {
    if (country !== undefined && !/^[A-Za-z]{2}$/.test(country)) throw new BadRequestException('country must be an ISO 3166-1 alpha-2 code such as MX or GT');
    if (kind !== undefined && !DIRECTORY_KINDS.includes(kind as DirectoryKind)) {
      throw new BadRequestException(`kind must be one of: ${DIRECTORY_KINDS.join(', ')}`);
    }
    return { country: country?.toUpperCase(), kind };
  }
}

const values = (e: DirectoryEntryInput) => [
  e.country, e.kind, e.name, e.phone ?? null, e.url ?? null, e.hours ?? null, e.languages, e.source, e.verifiedAt,
];

/** A real calendar day, not in the future: a check that has not happened yet verifies nothing. */
export function checkVerifiedAt(value: string): void {
  const d = new Date(`${value}T00:00:00Z`);
  const real = !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value && d.getUTCFullYear() >= 2000;
  if (!real) throw new BadRequestException('verifiedAt must be a real date written YYYY-MM-DD, from 2000 on');
  if (d.getTime() > Date.now() + 24 * 3600 * 1000) throw new BadRequestException('verifiedAt cannot be in the future');
}

/** The shipped directory file: a list of entries, each validated like an admin's entry. */
export function parseDirectoryFile(text: string, file = 'directory file'): DirectoryEntryInput[] {
  const doc = parse(text, { maxAliasCount: 10 }) as { entries?: unknown };
  if (!doc || !Array.isArray(doc.entries)) throw new Error(`${file}: expected a top-level "entries:" list`);
  return doc.entries.map((raw, i) => {
    const entry = plainToInstance(DirectoryEntryInput, { ...(raw as object), verifiedAt: String((raw as { verifiedAt?: unknown }).verifiedAt ?? '') });
    const errors = validateSync(entry, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) {
      const messages = errors.flatMap((e) => Object.values(e.constraints ?? { [e.property]: `${e.property} is not allowed` }));
      throw new Error(`${file}: entry ${i + 1}: ${messages.join('; ')}`);
    }
    checkVerifiedAt(entry.verifiedAt);
    return entry;
  });
}
