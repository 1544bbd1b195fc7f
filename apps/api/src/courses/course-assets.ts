import { BadRequestException, Body, Controller, ForbiddenException, Get, Headers, HttpException, Injectable, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { Response } from 'express';
import { DataSource, EntityManager } from 'typeorm';
import { CurrentUser } from '../auth/auth.guard';
import { Allow } from '../auth/policies';
import { isUuid, notFound } from '../common/errors';
import type { UserEntity } from '../users/user.entity';
import { AuthoringService } from './authoring.service';
import { assetUrl } from './course-document';
import { MAX_IMAGE_BYTES, imageFileName, inspectImage } from './images';

@Injectable()
export class CourseAssetsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Stores a picture of a course (same name: replaced). The database holds it so any API instance serves it. */
  async put(courseId: string, filename: string, bytes: Buffer, userId: string | null, m: EntityManager = this.ds.manager) {
    const image = inspectImage(bytes);
    if (!image) throw new HttpException('The file is not a PNG, JPEG, WebP or GIF picture.', 415);
    const name = imageFileName(filename, image.ext);
    await m.query(
      `INSERT INTO course_assets (course_id, filename, content_type, size, sha256, bytes, created_by, width, height)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (course_id, filename) DO UPDATE SET content_type = EXCLUDED.content_type, size = EXCLUDED.size,
         sha256 = EXCLUDED.sha256, bytes = EXCLUDED.bytes, created_by = EXCLUDED.created_by, created_at = now(),
         width = EXCLUDED.width, height = EXCLUDED.height`,
      [courseId, name, image.type, bytes.length, createHash('sha256').update(bytes).digest('hex'), bytes, userId, image.width, image.height],
    );
    return {
      filename: name, contentType: image.type, size: bytes.length, width: image.width, height: image.height,
      url: assetUrl(courseId, name), markdownPath: `../images/${name}`,
    };
  }

  async list(courseId: string, m: EntityManager = this.ds.manager) {
    const rows: { filename: string; content_type: string; size: number; width: number | null; height: number | null; created_at: Date }[] = await m.query(
      `SELECT filename, content_type, size, width, height, created_at FROM course_assets WHERE course_id = $1 ORDER BY filename`,
      [courseId],
    );
    return rows.map((r) => ({
      filename: r.filename, contentType: r.content_type, size: r.size, width: r.width ?? undefined, height: r.height ?? undefined,
      url: assetUrl(courseId, r.filename),
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
  @Allow('course:edit')
  @ApiConsumes('image/png', 'image/jpeg', 'image/webp', 'image/gif')
  @ApiBody({ description: 'The picture itself as the request body (at most 2 MB); `?filename=` names it.', schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ description: '`{filename, contentType, size, width, height, url, markdownPath}`: write `![description](markdownPath)` in a lesson, ' +
      'or make it the cover with `cover: {image: "images/<filename>", alt}` in the course document.' })
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
  @Allow('course:edit')
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
