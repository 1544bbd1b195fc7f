import { BadRequestException, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { LANGUAGES, type CourseDetailDto, type CourseSummaryDto, type Language } from '@ecampus/contracts';
import { Auth, CurrentUser } from '../auth/auth.guard';
import { LearningService } from '../learning/learning.service';
import { UsersService } from '../users/users.service';
import type { UserEntity } from '../users/user.entity';
import { CoursesService } from './courses.service';

@ApiTags('learning')
@Controller('courses')
export class CoursesController {
  constructor(
    private readonly courses: CoursesService,
    private readonly learning: LearningService,
    private readonly users: UsersService,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'Published courses.' })
  @ApiQuery({ name: 'lang', required: false, enum: LANGUAGES })
  @ApiQuery({ name: 'topic', required: false })
  @ApiQuery({ name: 'q', required: false, description: 'Words to look for in titles and summaries.' })
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
  @ApiOkResponse({ description: 'The course and its outline; `enrollment` when the signed-in user is enrolled.' })
  @ApiNotFoundResponse()
  async detail(@Param('slug') slug: string, @Req() req: Request): Promise<CourseDetailDto> {
    const { course, published } = await this.courses.publishedBySlug(slug);
    const doc = published.doc;
    const user = req.session?.userId ? await this.users.findActive(req.session.userId) : null;
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
      translations: translations.filter((t) => t.slug !== doc.slug),
      modules: doc.modules.map((m) => ({
        id: m.id!,
        title: m.title,
        items: m.items.map((i) => ({ id: i.id!, type: i.type, title: i.title, ...(enrollment ? { completed: done.has(i.key!) } : {}) })),
      })),
      ...(enrollment ? { enrollment: { status: enrollment.status, progress: await this.learning.progress(enrollment, published) } } : {}),
    };
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
