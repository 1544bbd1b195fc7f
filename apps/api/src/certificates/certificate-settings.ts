import { BadRequestException, Body, Controller, Delete, Get, Headers, HttpCode, HttpException, Injectable, Put, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiNoContentResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { CertificateSignatory } from '@ecampus/certificate';
import { Auth } from '../auth/auth.guard';
import { notFound } from '../common/errors';
import { inspectImage } from '../courses/images';

/** Signature pictures are small: a scan of a signature needs far less than this. */
export const MAX_SIGNATURE_BYTES = 512 * 1024;
const KEY = 'certificate_signatory';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CertificateSettingsDto {
  @ApiProperty({ example: 'María Fernanda López Reyes', description: 'Who signs the certificates (empty: no signatory block).' })
  @Transform(trim)
  @IsString({ message: 'signatoryName must be a text' })
  @MaxLength(120, { message: 'signatoryName must be at most 120 characters' })
  signatoryName: string;

  @ApiPropertyOptional({ example: 'Coordinadora de Formación, OIM México' })
  @Transform(trim)
  @IsOptional()
  @IsString({ message: 'signatoryTitle must be a text' })
  @MaxLength(160, { message: 'signatoryTitle must be at most 160 characters' })
  signatoryTitle?: string;

  @ApiPropertyOptional({ example: 'Programa Regional de Gobernanza Migratoria', description: 'Printed under the course title.' })
  @Transform(trim)
  @IsOptional()
  @IsString({ message: 'programmeName must be a text' })
  @Length(0, 160, { message: 'programmeName must be at most 160 characters' })
  programmeName?: string;
}

export interface CertificateSettings {
  signatoryName: string;
  signatoryTitle: string;
  programmeName: string;
  /** Id of the current signature picture, or null. */
  signatureId: string | null;
  /** Where an admin can see the current picture. */
  signatureUrl: string | null;
}

/** What a certificate row keeps: the signatory as it was when the certificate was issued. */
export interface SignatorySnapshot {
  name: string;
  title: string;
  programme: string;
  signatureId: string | null;
}

@Injectable()
export class CertificateSettingsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async get(m: EntityManager = this.ds.manager): Promise<CertificateSettings> {
    const [row] = await m.query(`SELECT value FROM settings WHERE key = $1`, [KEY]);
    const v = row ? JSON.parse(row.value) : {};
    const signatureId: string | null = v.signatureId ?? null;
    return {
      signatoryName: v.signatoryName ?? '',
      signatoryTitle: v.signatoryTitle ?? '',
      programmeName: v.programmeName ?? '',
      signatureId,
      signatureUrl: signatureId ? '/api/admin/certificate-settings/signature' : null,
    };
  }

  private async save(patch: Partial<CertificateSettings>): Promise<CertificateSettings> {
    const current = await this.get();
    const { signatureUrl: _url, ...value } = { ...current, ...patch };
    await this.ds.query(
      `INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
      [KEY, JSON.stringify(value)],
    );
    return this.get();
  }

  put(dto: CertificateSettingsDto): Promise<CertificateSettings> {
    return this.save({ signatoryName: dto.signatoryName, signatoryTitle: dto.signatoryTitle ?? '', programmeName: dto.programmeName ?? '' });
  }

  /** A new picture row each time: certificates issued with the old one keep pointing at it. */
  async putSignature(bytes: Buffer): Promise<CertificateSettings> {
    const image = inspectImage(bytes);
    if (!image || !['image/png', 'image/jpeg'].includes(image.type)) throw new HttpException('signature must be a PNG or JPEG picture.', 415);
    const [row] = await this.ds.query(
      `INSERT INTO certificate_signature_images (content_type, bytes, sha256) VALUES ($1, $2, $3) RETURNING id`,
      [image.type, bytes, createHash('sha256').update(bytes).digest('hex')],
    );
    return this.save({ signatureId: row.id });
  }

  removeSignature(): Promise<CertificateSettings> {
    return this.save({ signatureId: null });
  }

  async image(id: string): Promise<{ content_type: string; bytes: Buffer } | undefined> {
    const [row] = await this.ds.query(`SELECT content_type, bytes FROM certificate_signature_images WHERE id = $1`, [id]);
    return row;
  }

  /**
   * The signatory a certificate is issued with: the one recorded on its row, else the current settings, recorded
   * now (only if still unset, so a retried job keeps the first). Returns what the renderer draws.
   */
  /**
   * The signatory a certificate shows: the one it was first issued with when it has one, else today's settings.
   * Reads only: the issuer writes the snapshot in its issuing transaction, under the row lock (so a worker never
   * blocks on a certificate row before rendering).
   */
  async forCertificate(certificateId: string): Promise<{ snapshot: SignatorySnapshot; signatory: CertificateSignatory | undefined }> {
    const [row] = await this.ds.query(`SELECT signatory FROM certificates WHERE id = $1`, [certificateId]);
    const kept: SignatorySnapshot | null = typeof row?.signatory === 'string' ? JSON.parse(row.signatory) : row?.signatory ?? null;
    let snapshot = kept;
    if (!snapshot) {
      const s = await this.get();
      snapshot = { name: s.signatoryName, title: s.signatoryTitle, programme: s.programmeName, signatureId: s.signatureId };
    }
    if (!snapshot.name && !snapshot.programme) return { snapshot, signatory: undefined };
    const picture = snapshot.signatureId ? await this.image(snapshot.signatureId) : undefined;
    return {
      snapshot,
      signatory: { name: snapshot.name, title: snapshot.title || undefined, programme: snapshot.programme || undefined, signature: picture?.bytes },
    };
  }
}

@ApiTags('certificates')
@Controller('admin/certificate-settings')
export class CertificateSettingsController {
  constructor(private readonly settings: CertificateSettingsService) {}

  @Get()
  @Auth('admin')
  @ApiOkResponse({ description: '`{signatoryName, signatoryTitle, programmeName, signatureId, signatureUrl}` (admins only).' })
  get(): Promise<CertificateSettings> {
    return this.settings.get();
  }

  @Put()
  @Auth('admin')
  @ApiOkResponse({ description: 'Saved. Certificates issued from now on carry it; issued ones keep what they were issued with.' })
  put(@Body() body: CertificateSettingsDto): Promise<CertificateSettings> {
    return this.settings.put(body);
  }

  @Put('signature')
  @Auth('admin')
  @ApiConsumes('image/png', 'image/jpeg')
  @ApiBody({ description: 'The signature picture as the request body: PNG or JPEG (checked by content), at most 512 kB.', schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ description: 'The settings with the new `signatureId`.' })
  putSignature(@Body() body: unknown, @Headers('content-type') type: string | undefined): Promise<CertificateSettings> {
    if (!Buffer.isBuffer(body) || !type?.startsWith('image/')) {
      throw new HttpException('signature: send the picture as the request body with Content-Type image/png or image/jpeg.', 415);
    }
    if (body.length === 0) throw new BadRequestException('signature: the picture is empty.');
    if (body.length > MAX_SIGNATURE_BYTES) throw new HttpException('signature: the picture may be at most 512 kB.', 413);
    return this.settings.putSignature(body);
  }

  @Get('signature')
  @Auth('admin')
  @ApiOkResponse({ description: 'The current signature picture.' })
  async signature(@Res() res: Response): Promise<void> {
    const { signatureId } = await this.settings.get();
    const row = signatureId ? await this.settings.image(signatureId) : undefined;
    if (!row) throw notFound('Signature picture');
    res.status(200).set({ 'Content-Type': row.content_type, 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' }).end(row.bytes);
  }

  @Delete('signature')
  @Auth('admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'No signature picture from now on (issued certificates keep theirs).' })
  async removeSignature(): Promise<void> {
    await this.settings.removeSignature();
  }
}
