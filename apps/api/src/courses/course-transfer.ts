import { BadRequestException, Body, Controller, Get, Headers, HttpException, Injectable, Param, Post, Query, Req, Res, UnprocessableEntityException } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { strToU8, Unzip, UnzipPassThrough, zipSync, type AsyncFlateStreamHandler, type UnzipDecoder, type Zippable } from 'fflate';
import { inflateRawSync } from 'node:zlib';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { stringify } from 'yaml';
import { formatErrors, incompleteParts, loadCourses } from '@ecampus/course-format';
import { LANGUAGES, type CourseDocument, type Language } from '@ecampus/contracts';
import { CurrentUser } from '../auth/auth.guard';
import { Allow } from '../auth/policies';
import { AuditService } from '../audit/audit.service';
import type { UserEntity } from '../users/user.entity';
import { CoursesService } from './courses.service';
import { AuthoringService } from './authoring.service';
import { CourseAssetsService } from './course-assets';
import { CourseEntity } from './course.entity';
import { adoptIds, governanceOf, randomIds, withIds } from './course-document';
import { withStoredCover } from './course-cover';

const MAX_ZIP_FILES = 2000;
const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
const yaml = (value: unknown) => stringify(value, { lineWidth: 0 });

/** The files of one language folder (paths relative to it), exactly as `courses/README.md` describes. */
export function courseFiles(doc: CourseDocument): Record<string, string> {
  const files: Record<string, string> = {};
  const course = {
    slug: doc.slug,
    title: doc.title,
    summary: doc.summary,
    audience: doc.audience,
    estimatedMinutes: doc.estimatedMinutes,
    topics: doc.topics,
    objectives: doc.objectives,
    ...(doc.cover ? { cover: { image: doc.cover.image, alt: doc.cover.alt } } : {}),
    modules: doc.modules.map((m) => ({ key: m.key, title: m.title, items: m.items.map((i) => ({ [i.type]: i.key })) })),
    ...(doc.glossary.length ? { glossary: doc.glossary } : {}),
    ...(doc.references.length ? { references: doc.references } : {}),
    // Content governance travels with the course (required in files: a draft without it does not import).
    ...governanceOf(doc),
  };
  files['course.yaml'] = yaml(course);
  for (const item of doc.modules.flatMap((m) => m.items)) {
    if (item.type === 'lesson') {
      files[`lessons/${item.key}.md`] = `---\n${yaml({ title: item.title })}---\n${item.markdown}${item.markdown.endsWith('\n') ? '' : '\n'}`;
    } else {
      files[`quizzes/${item.key}.yaml`] = yaml({
        title: item.title,
        ...(item.kind === 'final' ? { kind: 'final' } : {}),
        passingScore: item.passingScore,
        ...(item.kind === 'final'
          ? { draw: item.draw, maxFailedAttempts: item.maxFailedAttempts, retryAfterHours: item.retryAfterHours }
          : {}),
        questions: item.questions.map((q) => ({
          key: q.key,
          kind: q.kind,
          prompt: q.prompt,
          // Option keys are positional in files unless an option was given another one.
          options: q.options.map((o, n) => ({ ...(o.key !== `${q.key}-o${n + 1}` ? { key: o.key } : {}), text: o.text, correct: o.correct, feedback: o.feedback })),
        })),
      });
    }
  }
  return files;
}

export interface ImportedCourse {
  slug: string;
  language: Language;
  translationKey: string;
  created: boolean;
}

/** Courses travel between installations as zip files of the `courses/` folder format. */
@Injectable()
export class CourseTransferService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly authoring: AuthoringService,
    private readonly assets: CourseAssetsService,
    private readonly courses: CoursesService,
  ) {}

  async exportZip(slug: string, language?: Language): Promise<{ name: string; zip: Uint8Array }> {
    const course = await this.authoring.find(slug);
    const group = await this.ds.getRepository(CourseEntity).find({ where: { translationKey: course.translationKey } });
    const chosen = group.filter((c) => (language ? c.language === language : true)).sort((a, b) => LANGUAGES.indexOf(a.language) - LANGUAGES.indexOf(b.language));
    if (!chosen.length) throw new BadRequestException(`language: this course has no "${language}" version`);
    // Course files must pass courses:check: a half-written draft does not travel yet.
    const missing = chosen.flatMap((c) => incompleteParts(c.draft).map((m) => `${c.language}: ${m}`));
    if (missing.length) throw new UnprocessableEntityException(missing.map((m) => `${m} before the course can be exported`));
    const tree: Zippable = {};
    for (const c of chosen) {
      const root = `${c.translationKey}/${c.language}/`;
      for (const [path, text] of Object.entries(courseFiles(c.draft))) tree[root + path] = strToU8(text);
      for (const f of await this.assets.files(c.id)) tree[`${root}images/${f.filename}`] = new Uint8Array(f.bytes);
    }
    return { name: `${course.translationKey}.zip`, zip: zipSync(tree, { level: 6 }) };
  }

  /** Imports a zip as drafts: a course already here (same translation key and language) is edited, others are created. */
  async importZip(user: UserEntity, body: Buffer): Promise<ImportedCourse[]> {
    const dir = mkdtempSync(join(tmpdir(), 'ecampus-import-'));
    try {
      this.extract(body, dir);
      const { courses, errors } = loadCourses(dir);
      if (errors.length) {
        const shown = errors.map((e) => ({ ...e, file: relative(dir, resolve(e.file)) }));
        throw new BadRequestException(formatErrors(shown).split('\n'));
      }
      if (!courses.length) throw new BadRequestException('The zip holds no course folder (<course>/<language>/course.yaml).');
      const imported: ImportedCourse[] = [];
      for (const loaded of courses) {
        for (const fromFiles of loaded.documents) {
          const images = loaded.images.filter((i) => i.language === fromFiles.language);
          const source = withStoredCover(fromFiles, images);
          const result = await this.ds.transaction(async (m) => {
            const repo = m.getRepository(CourseEntity);
            let course = await repo.findOneBy({ translationKey: source.translationKey, language: source.language });
            let created = false;
            const putImages = async (courseId: string) => {
              for (const image of images) await this.assets.put(courseId, image.path.replace(/^images\//, ''), readFileSync(image.absPath), user.id, m);
            };
            if (course) {
              // The pictures first: the draft's cover must be one of them.
              await putImages(course.id);
              await this.authoring.saveDraft(user, course.slug, adoptIds(source, course.draft), 'imported', m);
            } else {
              const doc = withIds(source, randomIds);
              await this.courses.claimSlug(m, doc.slug);
              course = await repo.save(
                repo.create({ slug: doc.slug, translationKey: doc.translationKey, language: doc.language, draft: doc, topics: [], ownerId: user.id }),
              ).catch((e) => {
                if ((e as { driverError?: { code?: string } }).driverError?.code === '23505') {
                  throw new HttpException(`The slug "${doc.slug}" is already used by another course.`, 409);
                }
                throw e;
              });
              await this.authoring.log(m, course.id, user.id, 'imported', 'created the course from a zip of course files');
              await putImages(course.id);
              created = true;
            }
            return { slug: source.slug, language: source.language, translationKey: source.translationKey, created };
          });
          imported.push(result);
        }
      }
      return imported;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  private extract(body: Buffer, dir: string): void {
    const entries = readZip(body);
    const root = resolve(dir) + sep;
    for (const [name, data] of entries) {
      const target = resolve(dir, name);
      // No entry may land outside the folder (absolute paths, "..").
      if (!target.startsWith(root)) throw new BadRequestException(`The zip entry "${shorten(name)}" points outside the course folder.`);
      if (name.split('/').some((part) => part.startsWith('.'))) continue;
      try {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, data);
      } catch (e) {
        throw new BadRequestException(`The zip entry "${shorten(name)}" cannot be unpacked (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
      }
    }
  }
}

const MAX_NAME_BYTES = 255;
const MAX_PATH_CHARS = 1024;
const MAX_FOLDER_DEPTH = 16;
const shorten = (name: string) => (name.length > 80 ? `${name.slice(0, 77)}…` : name);

/**
 * Unpacks a zip in memory, counting the bytes that really come out of each entry (never the sizes the zip
 * claims): inflation stops as soon as the total passes MAX_UNZIPPED_BYTES. Names are checked before anything
 * is inflated: length, depth, and no entry that is both a file and a folder.
 */
export function readZip(body: Buffer): [string, Uint8Array][] {
  const budget = { left: MAX_UNZIPPED_BYTES };
  const tooBig = () => new HttpException(`The zip unpacks to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB.`, 413);
  /** Deflate through zlib with an output cap: a bomb stops at the cap instead of filling memory. */
  class CountedInflate implements UnzipDecoder {
    static compression = 8;
    ondata!: AsyncFlateStreamHandler;
    private parts: Uint8Array[] = [];
    push(chunk: Uint8Array, final: boolean) {
      this.parts.push(chunk);
      if (!final) return;
      let out: Buffer;
      try {
        out = inflateRawSync(Buffer.concat(this.parts), { maxOutputLength: budget.left + 1 });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig();
        throw e;
      }
      this.ondata(null, new Uint8Array(out.buffer as ArrayBuffer, out.byteOffset, out.length), true);
    }
  }
  const files = new Map<string, Uint8Array>();
  const folders = new Set<string>();
  let count = 0;
  const unzip = new Unzip((file) => {
    const name = file.name;
    if (++count > MAX_ZIP_FILES) throw new HttpException(`The zip holds more than ${MAX_ZIP_FILES} entries.`, 413);
    if (name.length > MAX_PATH_CHARS) throw new BadRequestException(`The zip entry "${shorten(name)}" has a path longer than ${MAX_PATH_CHARS} characters.`);
    const parts = name.split('/').filter(Boolean);
    if (parts.some((p) => Buffer.byteLength(p) > MAX_NAME_BYTES)) throw new BadRequestException(`The zip entry "${shorten(name)}" has a name longer than ${MAX_NAME_BYTES} bytes.`);
    if (parts.length > MAX_FOLDER_DEPTH) throw new BadRequestException(`The zip entry "${shorten(name)}" is nested more than ${MAX_FOLDER_DEPTH} folders deep.`);
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
    if (name.endsWith('/')) {
      folders.add(parts.join('/'));
      return;
    }
    const chunks: Uint8Array[] = [];
    file.ondata = (err, data, final) => {
      if (err) throw err;
      budget.left -= data.length;
      if (budget.left < 0) throw tooBig();
      chunks.push(data);
      if (final) files.set(parts.join('/'), chunks.length === 1 ? chunks[0] : (Buffer.concat(chunks) as Uint8Array));
    };
    file.start();
  });
  unzip.register(UnzipPassThrough);
  unzip.register(CountedInflate);
  try {
    unzip.push(new Uint8Array(body.buffer, body.byteOffset, body.length), true);
  } catch (e) {
    if (e instanceof HttpException) throw e;
    throw new BadRequestException(`The upload is not a readable zip file (${(e as Error).message}).`);
  }
  if (count === 0) throw new BadRequestException('The upload is not a readable zip file (no entries).');
  for (const name of files.keys()) {
    if (folders.has(name)) throw new BadRequestException(`The zip entry "${shorten(name)}" is both a file and a folder.`);
  }
  return [...files];
}

@ApiTags('authoring')
@Controller('admin/courses')
@Allow('studio:use')
export class CourseTransferController {
  constructor(private readonly transfer: CourseTransferService, private readonly audit: AuditService) {}

  @Get(':slug/export.zip')
  @Allow('course:edit')
  @ApiProduces('application/zip')
  @ApiQuery({ name: 'language', required: false, enum: LANGUAGES, description: 'Only this language (default: every language of the course).' })
  @ApiOkResponse({ description: 'The course in the courses/ folder format, zipped; `npm run courses:check` accepts it.' })
  async export(@Param('slug') slug: string, @Query('language') language: string | undefined, @CurrentUser() user: UserEntity, @Req() req: Request, @Res() res: Response) {
    if (language && !LANGUAGES.includes(language as Language)) throw new BadRequestException(`language must be one of: ${LANGUAGES.join(', ')}`);
    const { name, zip } = await this.transfer.exportZip(slug, language as Language | undefined);
    await this.audit.record({ type: 'course-exported', actor: user, subject: slug, detail: { file: name, ...(language ? { language } : {}) }, ip: req.ip });
    res.status(200).set({ 'Content-Type': 'application/zip', 'Content-Disposition': `attachment; filename="${name}"` }).end(Buffer.from(zip));
  }

  @Post('import')
  @ApiConsumes('application/zip')
  @ApiBody({ description: 'A zip of course folders (<course>/<language>/course.yaml …) as the request body.', schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ description: 'The courses imported as drafts: `[{slug, language, translationKey, created}]`. Errors are `file:line: message`.' })
  async import(@Body() body: unknown, @Headers('content-type') type: string | undefined, @CurrentUser() user: UserEntity): Promise<ImportedCourse[]> {
    if (!Buffer.isBuffer(body) || !/^application\/(zip|x-zip-compressed|octet-stream)/.test(type ?? '')) {
      throw new HttpException('Send the zip file as the request body with Content-Type application/zip.', 415);
    }
    return this.transfer.importZip(user, body);
  }
}
