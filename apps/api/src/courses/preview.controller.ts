import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CourseDetailDto, LessonDto, QuizDto } from '@ecampus/contracts';
import { Allow } from '../auth/policies';
import { notFound } from '../common/errors';
import { AttemptDto } from '../learning/learning.dto';
import { scoreAttempt } from '../learning/learning.service';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthoringService } from './authoring.service';
import { imageSizes } from './images';
import { PublishedCourse } from './published-course';

/**
 * The draft as a learner would see it, for authors: nothing is enrolled, stored or counted in reports.
 */
@ApiTags('authoring')
@Controller('admin/courses/:slug/preview')
@Allow('course:edit')
export class PreviewController {
  constructor(
    private readonly authoring: AuthoringService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  private async draft(slug: string): Promise<PublishedCourse> {
    const course = await this.authoring.find(slug);
    return new PublishedCourse(course.id, `draft:${course.id}`, course.draft, await imageSizes(this.ds.manager, course.id));
  }

  @Get()
  @ApiOkResponse({ description: 'The draft course page.' })
  async course(@Param('slug') slug: string): Promise<CourseDetailDto> {
    const draft = await this.draft(slug);
    const { doc } = draft;
    return {
      slug: doc.slug, title: doc.title, summary: doc.summary, language: doc.language, estimatedMinutes: doc.estimatedMinutes,
      topics: doc.topics, objectives: doc.objectives, audience: doc.audience, glossary: doc.glossary, references: doc.references,
      translations: [],
      ...(draft.cover ? { cover: draft.cover } : {}),
      modules: doc.modules.map((m) => ({ id: m.id!, title: m.title, items: m.items.map((i) => ({ id: i.id!, type: i.type, title: i.title })) })),
    };
  }

  @Get('lessons/:id')
  @ApiOkResponse({ description: 'A lesson of the draft, rendered as learners will see it.' })
  async lesson(@Param('slug') slug: string, @Param('id') id: string): Promise<LessonDto> {
    const draft = await this.draft(slug);
    const lesson = draft.item(id);
    if (lesson?.type !== 'lesson') throw notFound('Lesson');
    return draft.lessonView(lesson, false);
  }

  @Get('quizzes/:id')
  @ApiOkResponse({ description: 'A quiz of the draft, without answers.' })
  async quiz(@Param('slug') slug: string, @Param('id') id: string): Promise<QuizDto> {
    const draft = await this.draft(slug);
    const quiz = draft.quiz(id);
    if (!quiz) throw notFound('Quiz');
    return draft.quizView(quiz);
  }

  @Post('quizzes/:id/attempts')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Scores an attempt on the draft quiz; nothing is stored.' })
  async attempt(@Param('slug') slug: string, @Param('id') id: string, @Body() body: AttemptDto) {
    const draft = await this.draft(slug);
    const quiz = draft.quiz(id);
    if (!quiz) throw notFound('Quiz');
    const { feedback, score, passed } = scoreAttempt(quiz, body.answers);
    return { score, passed, feedback, progress: 0, completed: false };
  }
}
