import { BadRequestException, Body, Controller, ForbiddenException, Get, Headers, HttpException, Injectable, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { Response } from 'express';
import { DataSource, EntityManager } from 'typeorm';
import { Auth, CurrentUser } from '../auth/auth.guard';
import { isUuid, notFound } from '../common/errors';
import type { UserEntity } from '../users/user.entity';
import { AuthoringService } from './authoring.service';
import { assetUrl } from './course-document';

export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

// Pictures are checked by their first bytes, not by what the client claims. SVG is refused: it can carry script.
const SIGNATURES: { type: string; ext: string; test: (b: Buffer) => boolean }[] = [
  { type: 'image/png', ext: 'png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/jpeg', ext: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/webp', ext: 'webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { type: 'image/gif', ext: 'gif', test: (b) => ['GIF87a', 'GIF89a'].includes(b.subarray(0, 6).toString('latin1')) },
];

export function sniffImage(bytes: Buffer): { type: string; ext: string } | undefined {
  return SIGNATURES.find((s) => s.test(bytes));
}

/** A safe file name for images/: lowercase letters, digits, dots, hyphens and underscores. */
export function imageFileName(name: string, ext: string): string {
  const base = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\.[a-z0-9]+$/, '').replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `${base || 'image'}.${ext}`;
}


@Injectable()
export class CourseAssetsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Stores a picture of a course (same name: replaced). The database holds it so any API instance serves it. */
  async put(courseId: string, filename: string, bytes: Buffer, userId: string | null, m: EntityManager = this.ds.manager) {
    const sniffed = sniffImage(bytes);
    if (!sniffed) throw new HttpException('The file is not a PNG, JPEG, WebP or GIF picture.', 415);
    const name = imageFileName(filename, sniffed.ext);
    await m.query(
      `INSERT INTO course_assets (course_id, filename, content_type, size, sha256, bytes, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (course_id, filename) DO UPDATE SET content_type = EXCLUDED.content_type, size = EXCLUDED.size,
         sha256 = EXCLUDED.sha256, bytes = EXCLUDED.bytes, created_by = EXCLUDED.created_by, created_at = now()`,
      [courseId, name, sniffed.type, bytes.length, createHash('sha256').update(bytes).digest('hex'), bytes, userId],
    );
    return { filename: name, contentType: sniffed.type, size: bytes.length, url: assetUrl(courseId, name), markdownPath: `../images/${name}` };
  }

  async list(courseId: string, m: EntityManager = this.ds.manager) {
    const rows: { filename: string; content_type: string; size: number; created_at: Date }[] = await m.query(
      `SELECT filename, content_type, size, created_at FROM course_assets WHERE course_id = $1 ORDER BY filename`,
      [courseId],
    );
    return rows.map((r) => ({
      filename: r.filename, contentType: r.content_type, size: r.size, url: assetUrl(courseId, r.filename),
      markdownPath: `../images/${r.filename}`, createdAt: new Date(r.created_at).toISOString(),
    }));
  }

  async files(courseId: string, m: EntityManager = this.ds.manager): Promise<{ filename: string; bytes: Buffer }[]> {
    return m.query(`SELECT filename, bytes FROM course_assets WHERE course_id = $1 ORDER BY filename`, [courseId]);
  }
}

@ApiTags('authoring')
@Controller()
export class CourseAssetsController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly assets: CourseAssetsService,
    private readonly authoring: AuthoringService,
  ) {}

  @Post('admin/courses/:slug/assets')
  @Auth('admin', 'author')
  @ApiConsumes('image/png', 'image/jpeg', 'image/webp', 'image/gif')
  @ApiBody({ description: 'The picture itself as the request body (at most 2 MB); `?filename=` names it.', schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ description: '`{filename, contentType, size, url, markdownPath}`: write `![description](markdownPath)` in a lesson.' })
  async upload(@Param('slug') slug: string, @Query('filename') filename: string | undefined, @Body() body: unknown, @Headers('content-type') type: string | undefined, @CurrentUser() user: UserEntity) {
    const course = await this.authoring.find(slug);
    if (!(await this.authoring.canEdit(user, course))) throw new ForbiddenException('You cannot change this course.');
    if (!Buffer.isBuffer(body) || !type?.startsWith('image/')) {
      throw new HttpException('Send the picture as the request body with its Content-Type (image/png, image/jpeg, image/webp or image/gif).', 415);
    }
    if (body.length === 0) throw new BadRequestException('The picture is empty.');
    if (body.length > MAX_IMAGE_BYTES) throw new HttpException('Pictures may be at most 2 MB.', 413);
    return this.assets.put(course.id, typeof filename === 'string' ? filename : 'image', body, user.id);
  }

  @Get('admin/courses/:slug/assets')
  @Auth('admin', 'author')
  @ApiOkResponse({ description: 'The pictures of the course.' })
  async list(@Param('slug') slug: string) {
    return this.assets.list((await this.authoring.find(slug)).id);
  }

  @Get('assets/:courseId/:filename')
  @ApiOkResponse({ description: 'A course picture (public, like the lessons that show it).' })
  async get(@Param('courseId') courseId: string, @Param('filename') filename: string, @Res() res: Response) {
    if (!isUuid(courseId)) throw notFound('Picture');
    const [row] = await this.ds.query(`SELECT content_type, bytes, sha256 FROM course_assets WHERE course_id = $1 AND filename = $2`, [courseId, filename]);
    if (!row) throw notFound('Picture');
    res.status(200).set({ 'Content-Type': row.content_type, 'Cache-Control': 'public, max-age=300', ETag: `"${row.sha256}"`, 'X-Content-Type-Options': 'nosniff' }).end(row.bytes);
  }
}
