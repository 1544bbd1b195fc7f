import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CourseDetailDto, LessonDto, QuizDto } from '@ecampus/contracts';
import { Allow } from '../auth/policies';
import { notFound } from '../common/errors';
import { AttemptDto } from '../learning/learning.dto';
import { checkAnswers, scoreAttempt } from '../learning/learning.service';
import { drawServing, isFinal, policyOf, reviewOf, scoreServed, servedQuestions } from '../learning/final-quiz';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthoringService } from './authoring.service';
import { imageSizes } from './images';
import { PublishedCourse } from './published-course';
import { governanceOf } from './course-document';

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
      ...governanceOf(doc),
      translations: [],
      ...(draft.cover ? { cover: draft.cover } : {}),
      modules: doc.modules.map((m) => ({
        id: m.id!,
        title: m.title,
        items: m.items.map((i) => ({ id: i.id!, type: i.type, title: i.title, ...(i.type === 'quiz' ? { kind: i.kind ?? 'check' } : {}) })),
      })),
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
    // A final quiz shows one draw from its pool with shuffled options, as a learner gets it (nothing is stored).
    if (isFinal(quiz)) return { ...draft.quizView(quiz), attemptsLeft: policyOf(quiz).maxFailedAttempts, questions: servedQuestions(quiz, drawServing(quiz)) };
    return draft.quizView(quiz);
  }

  @Post('quizzes/:id/attempts')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Scores an attempt on the draft quiz; nothing is stored.' })
  async attempt(@Param('slug') slug: string, @Param('id') id: string, @Body() body: AttemptDto) {
    const draft = await this.draft(slug);
    const quiz = draft.quiz(id);
    if (!quiz) throw notFound('Quiz');
    if (isFinal(quiz)) {
      // Nothing was stored for the preview: the answered pool questions stand for the draw, up to `draw` of them.
      const chosen = checkAnswers(quiz, body.answers);
      const answered = quiz.questions.filter((q) => chosen.has(q.id!)).slice(0, quiz.draw ?? quiz.questions.length);
      const served = answered.map((q) => ({ id: q.id!, options: q.options.map((o) => o.id!) }));
      const missing = Math.max(0, (quiz.draw ?? served.length) - served.length);
      const scored = scoreServed(quiz, served, chosen);
      const right = scored.feedback.filter((f) => f.correct).length;
      const score = served.length + missing ? Math.round((100 * right) / (served.length + missing)) : 0;
      const passed = score >= quiz.passingScore;
      // The author sees the full review whatever the score: the answers are theirs already.
      return { score, passed, feedback: scored.feedback, review: reviewOf(quiz, served, scored.answers), progress: 0, completed: false };
    }
    const { feedback, score, passed } = scoreAttempt(quiz, body.answers);
    return { score, passed, feedback, progress: 0, completed: false };
  }
}
