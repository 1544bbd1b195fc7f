import { BadRequestException, Controller, ForbiddenException, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { LANGUAGES, searchWords, type CourseDetailDto, type CourseSearchHitDto, type CourseSummaryDto, type Language, type OfflineBundleDto } from '@ecampus/contracts';
import { Auth, CurrentUser } from '../auth/auth.guard';
import { finalLock, LearningService } from '../learning/learning.service';
import { UsersService } from '../users/users.service';
import type { UserEntity } from '../users/user.entity';
import { CoursesService } from './courses.service';
import { governanceOf } from './course-document';
import type { CourseEntity } from './course.entity';
import type { PublishedCourse } from './published-course';
import { offlineBundle } from '../learning/offline-bundle';

const COVER_SCHEMA = {
  type: 'object',
  description:
    'The cover picture of the published version; absent when the course has none. `width` and `height` are the picture\'s size in pixels, ' +
    'so a page can reserve its space before it arrives.',
  required: ['url', 'alt', 'width', 'height'],
  properties: {
    url: { type: 'string', example: '/api/assets/7d1c…/cover-k3x9.jpg' },
    alt: { type: 'string', description: 'What the picture shows, for people who cannot see it.' },
    width: { type: 'integer', example: 1200 },
    height: { type: 'integer', example: 675 },
  },
};
const TRANSLATIONS_SCHEMA = {
  type: 'array',
  description: 'The other published languages of the course.',
  items: { type: 'object', properties: { language: { type: 'string', enum: [...LANGUAGES] }, slug: { type: 'string' } } },
};
const SUMMARY_SCHEMA = {
  type: 'object',
  required: ['slug', 'title', 'summary', 'language', 'topics', 'estimatedMinutes', 'moduleCount', 'translations'],
  properties: {
    slug: { type: 'string' },
    title: { type: 'string' },
    summary: { type: 'string' },
    language: { type: 'string', enum: [...LANGUAGES] },
    topics: { type: 'array', items: { type: 'string' } },
    estimatedMinutes: { type: 'integer' },
    moduleCount: { type: 'integer' },
    translations: TRANSLATIONS_SCHEMA,
    cover: COVER_SCHEMA,
  },
};
const DETAIL_SCHEMA = {
  type: 'object',
  required: ['slug', 'title', 'summary', 'language', 'estimatedMinutes', 'topics', 'objectives', 'audience', 'glossary', 'references', 'translations', 'modules'],
  properties: {
    slug: { type: 'string' },
    title: { type: 'string' },
    summary: { type: 'string' },
    language: { type: 'string', enum: [...LANGUAGES] },
    estimatedMinutes: { type: 'integer' },
    topics: { type: 'array', items: { type: 'string' } },
    objectives: { type: 'array', items: { type: 'string' } },
    audience: { type: 'string' },
    glossary: { type: 'array', items: { type: 'object', properties: { term: { type: 'string' }, definition: { type: 'string' } } } },
    references: {
      type: 'array',
      items: { type: 'object', properties: { title: { type: 'string' }, publisher: { type: 'string' }, year: { type: 'integer' }, url: { type: 'string' } } },
    },
    translations: TRANSLATIONS_SCHEMA,
    cover: COVER_SCHEMA,
    authors: { type: 'array', items: { type: 'string' }, description: 'Content governance (when the course has it).' },
    reviewers: { type: 'array', items: { type: 'string' } },
    reviewedOn: { type: 'string', format: 'date', description: 'The last content review, YYYY-MM-DD.' },
    contentVersion: { type: 'string' },
    licence: { type: 'string' },
    modules: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          items: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: { type: 'string' },
                type: { type: 'string', enum: ['lesson', 'quiz'] },
                title: { type: 'string' },
                completed: { type: 'boolean' },
                kind: { type: 'string', enum: ['check', 'final'], description: 'Quizzes only.' },
                locked: {
                  description: 'The final quiz, for an enrolled learner, while lessons or module checks remain: why, and what remains.',
                  type: 'object',
                  properties: {
                    reason: { type: 'string' },
                    remaining: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, type: { type: 'string' }, title: { type: 'string' } } } },
                  },
                },
              },
            },
          },
        },
      },
    },
    enrollment: { type: 'object', properties: { status: { type: 'string', enum: ['active', 'completed'] }, progress: { type: 'integer' } } },
  },
};

@ApiTags('learning')
@Controller('courses')
export class CoursesController {
  constructor(
    private readonly courses: CoursesService,
    private readonly learning: LearningService,
    private readonly users: UsersService,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'Published courses, each with its `cover` when it has one.', schema: { type: 'array', items: SUMMARY_SCHEMA } })
  @ApiQuery({ name: 'lang', required: false, enum: LANGUAGES })
  @ApiQuery({ name: 'topic', required: false })
  @ApiQuery({ name: 'q', required: false, description: 'Words to look for in titles, summaries, objectives, glossary and lesson text; every word must be found; accents and case do not matter.' })
  catalogue(@Query('lang') lang?: string, @Query('topic') topic?: string, @Query('q') q?: string): Promise<CourseSummaryDto[]> {
    if (lang !== undefined && lang !== '' && !LANGUAGES.includes(lang as Language)) {
      throw new BadRequestException(`lang must be one of: ${LANGUAGES.join(', ')}`);
    }
    for (const [name, value] of [['topic', topic], ['q', q]] as const) {
      if (value !== undefined && (typeof value !== 'string' || value.length > 200)) throw new BadRequestException(`${name} must be a text of at most 200 characters`);
    }
    return this.courses.catalogue({ lang: (lang || undefined) as Language | undefined, topic: topic || undefined, q: q?.trim() || undefined });
  }

  @Get(':slug')
  @ApiOkResponse({
    description: 'The course and its outline; `cover` when it has one; `enrollment` when the signed-in user is enrolled. A slug the course had before a rename finds it too.',
    schema: DETAIL_SCHEMA,
  })
  @ApiNotFoundResponse()
  async detail(@Param('slug') slug: string, @Req() req: Request): Promise<CourseDetailDto> {
    const { course, published } = await this.courses.publishedBySlug(slug);
    const user = req.session?.userId ? await this.users.findActive(req.session.userId) : null;
    return this.outline(course, published, user);
  }

  @Get(':slug/offline')
  @Auth()
  @ApiOkResponse({
    description:
      'What "download for offline" stores: `{slug, version, bytes, files: [{url, bytes}], onlineOnly: [itemId]}`: the outline, every lesson, ' +
      'every module check (questions only) and the lessons\' pictures, with the bytes each takes on the phone; the final quiz needs a ' +
      'connection and is listed in `onlineOnly`. Enrolled learners, authors and admins.',
  })
  @ApiForbiddenResponse({ description: 'A learner who is not enrolled.' })
  @ApiNotFoundResponse()
  async offline(@Param('slug') slug: string, @CurrentUser() user: UserEntity): Promise<OfflineBundleDto> {
    const { course, published } = await this.courses.publishedBySlug(slug);
    if (user.role === 'learner' && !(await this.learning.findEnrollment(user.id, course.translationKey))) {
      throw new ForbiddenException('Enrol in this course first.');
    }
    return offlineBundle(published, await this.outline(course, published, user), await this.courses.assetSizes(course.id));
  }

  /** The course and its outline as `GET /api/courses/:slug` answers it, with the user's progress when enrolled. */
  private async outline(course: CourseEntity, published: PublishedCourse, user: UserEntity | null): Promise<CourseDetailDto> {
    const doc = published.doc;
    const enrollment = user ? await this.learning.findEnrollment(user.id, course.translationKey) : null;
    const done = enrollment ? await this.learning.completedKeys(enrollment.id, published) : new Set<string>();
    const translations = (await this.courses.translationsOf([course.translationKey])).get(course.translationKey) ?? [];
    return {
      slug: doc.slug,
      title: doc.title,
      summary: doc.summary,
      language: doc.language,
      estimatedMinutes: doc.estimatedMinutes,
      topics: doc.topics,
      objectives: doc.objectives,
      audience: doc.audience,
      glossary: doc.glossary,
      references: doc.references,
      ...governanceOf(doc),
      translations: translations.filter((t) => t.slug !== doc.slug),
      ...(published.cover ? { cover: published.cover } : {}),
      modules: doc.modules.map((m) => ({
        id: m.id!,
        title: m.title,
        items: m.items.map((i) => {
          const lock = enrollment && i.type === 'quiz' ? finalLock(published, i, done) : undefined;
          return {
            id: i.id!,
            type: i.type,
            title: i.title,
            ...(i.type === 'quiz' ? { kind: i.kind ?? 'check' } : {}),
            ...(enrollment ? { completed: done.has(i.key!) } : {}),
            ...(lock ? { locked: lock } : {}),
          };
        }),
      })),
      ...(enrollment ? { enrollment: { status: enrollment.status, progress: await this.learning.progress(enrollment, published) } } : {}),
    };
  }

  @Get(':slug/search')
  @ApiQuery({ name: 'q', required: true, description: 'Words to find in the course; accents and case do not matter.' })
  @ApiOkResponse({
    description:
      '`[{id, type, title, snippet}]`: the lessons and quizzes holding every word, in course order. `snippet` (a few words around the match) only for enrolled learners and staff, who may read the lessons; empty otherwise.',
  })
  @ApiNotFoundResponse()
  async search(@Param('slug') slug: string, @Query('q') q: unknown, @Req() req: Request): Promise<CourseSearchHitDto[]> {
    if (typeof q !== 'string' || !q.trim() || q.length > 200) throw new BadRequestException('q must be a text of 1 to 200 characters');
    const { course, published } = await this.courses.publishedBySlug(slug);
    const user = req.session?.userId ? await this.users.findActive(req.session.userId) : null;
    const reader = !!user && (user.role !== 'learner' || !!(await this.learning.findEnrollment(user.id, course.translationKey)));
    return published.search(searchWords(q), reader);
  }

  @Post(':slug/enroll')
  @Auth()
  @ApiCreatedResponse({ description: 'Enrolled (200 with the same enrollment when already enrolled).' })
  async enroll(@Param('slug') slug: string, @CurrentUser() user: UserEntity, @Res({ passthrough: true }) res: Response) {
    const { created, enrollment, published } = await this.learning.enroll(user, slug);
    res.status(created ? 201 : 200);
    return {
      enrollment: {
        id: enrollment.id,
        course: { slug: published.slug, title: published.doc.title },
        status: enrollment.status,
        progress: await this.learning.progress(enrollment, published),
        enrolledAt: enrollment.enrolledAt.toISOString(),
        ...(enrollment.completedAt ? { completedAt: enrollment.completedAt.toISOString() } : {}),
      },
    };
  }
}
