import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { AttemptResultDto, LessonDto, MyEnrollmentDto, QuizDto } from '@ecampus/contracts';
import { Auth, CurrentUser } from '../auth/auth.guard';
import type { UserEntity } from '../users/user.entity';
import { AttemptDto } from './learning.dto';
import { LearningService, ProgressResult } from './learning.service';

const OPTION = { type: 'object', properties: { id: { type: 'string' }, text: { type: 'string' } } };
const REVIEW = {
  type: 'array',
  description: 'Final quiz after a pass: every served question, its options with the right ones marked, what was chosen, every explanation.',
  items: {
    type: 'object',
    properties: {
      questionId: { type: 'string' },
      prompt: { type: 'string' },
      kind: { type: 'string', enum: ['single', 'multiple', 'truefalse'] },
      correct: { type: 'boolean' },
      options: {
        type: 'array',
        items: { type: 'object', properties: { id: { type: 'string' }, text: { type: 'string' }, correct: { type: 'boolean' }, feedback: { type: 'string' }, chosen: { type: 'boolean' } } },
      },
    },
  },
};
const QUIZ_SCHEMA = {
  type: 'object',
  required: ['id', 'title', 'kind', 'passingScore', 'questions'],
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    kind: { type: 'string', enum: ['check', 'final'] },
    passingScore: { type: 'integer' },
    locked: {
      type: 'object',
      properties: {
        reason: { type: 'string' },
        remaining: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, type: { type: 'string' }, title: { type: 'string' } } } },
      },
    },
    attemptsLeft: { type: 'integer' },
    retryAt: { type: 'string', format: 'date-time' },
    questions: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string' }, prompt: { type: 'string' }, kind: { type: 'string', enum: ['single', 'multiple', 'truefalse'] }, options: { type: 'array', items: OPTION } } },
    },
    bestScore: { type: 'integer' },
    passed: { type: 'boolean' },
    review: REVIEW,
  },
};
const ATTEMPT_SCHEMA = {
  type: 'object',
  required: ['score', 'passed', 'feedback', 'progress', 'completed'],
  properties: {
    score: { type: 'integer' },
    passed: { type: 'boolean' },
    attemptsLeft: { type: 'integer' },
    retryAt: { type: 'string', format: 'date-time' },
    feedback: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          questionId: { type: 'string' },
          correct: { type: 'boolean' },
          selected: { type: 'array', items: { type: 'object', properties: { optionId: { type: 'string' }, feedback: { type: 'string' } } } },
        },
      },
    },
    review: REVIEW,
    progress: { type: 'integer' },
    completed: { type: 'boolean' },
  },
};

@ApiTags('learning')
@Controller()
@Auth()
export class LearningController {
  constructor(private readonly learning: LearningService) {}

  @Get('lessons/:id')
  @ApiOkResponse({ description: 'The lesson with its sanitised HTML (enrolled learners; authors and admins for review).' })
  lesson(@Param('id') id: string, @CurrentUser() user: UserEntity): Promise<LessonDto> {
    return this.learning.lesson(user, id);
  }

  @Post('lessons/:id/complete')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Marks the lesson completed (idempotent); returns the course progress.' })
  complete(@Param('id') id: string, @CurrentUser() user: UserEntity): Promise<ProgressResult> {
    return this.learning.completeLesson(user, id);
  }

  @Get('quizzes/:id')
  @ApiOkResponse({
    description:
      'The quiz without its answers. `kind` is `check` (module check: the whole quiz, practice) or `final`. A final quiz serves ' +
      '`draw` questions picked at random from its pool with shuffled options, stored for this attempt: getting it again returns the ' +
      'same set until it is answered; with `attemptsLeft`. While lessons or module checks remain: `locked: {reason, remaining}` and no ' +
      'questions. Out of attempts: `attemptsLeft: 0`, `retryAt` and no questions. After a pass: `review` (every served question, ' +
      'every option with `correct`, `feedback` and `chosen`).',
    schema: QUIZ_SCHEMA,
  })
  quiz(@Param('id') id: string, @CurrentUser() user: UserEntity): Promise<QuizDto> {
    return this.learning.quiz(user, id);
  }

  @Post('quizzes/:id/attempts')
  @HttpCode(200)
  @ApiOkResponse({
    description:
      'The attempt, scored on the server, with feedback on each chosen option. A final quiz is scored against what it served ' +
      '(drawn now when it was not got first): answers to questions not served are ignored, unanswered served questions are wrong; ' +
      'a failure names the wrong questions with the feedback of the chosen options only, and returns `attemptsLeft` (and `retryAt` ' +
      'when it used the last one); a pass returns `review`.',
    schema: ATTEMPT_SCHEMA,
  })
  @ApiBadRequestResponse({ description: 'A malformed answer sheet, or a question or option that is not in the quiz.' })
  @ApiForbiddenResponse({ description: 'Not enrolled; or the final quiz is locked: the message names the lessons and checks that remain.' })
  @ApiConflictResponse({ description: 'The final quiz was passed already (its review is open).' })
  @ApiTooManyRequestsResponse({
    description: 'Out of attempts at the final quiz: the standard error body plus `retryAt` (ISO 8601), when the learner may try again.',
    schema: { type: 'object', properties: { statusCode: { type: 'integer', example: 429 }, error: { type: 'string' }, message: { type: 'string' }, retryAt: { type: 'string', format: 'date-time' } } },
  })
  attempt(@Param('id') id: string, @Body() body: AttemptDto, @CurrentUser() user: UserEntity): Promise<AttemptResultDto> {
    return this.learning.attempt(user, id, body.answers, body.clientId);
  }

  @Get('me/enrollments')
  @ApiOkResponse({ description: 'The signed-in learner’s courses with progress.' })
  enrollments(@CurrentUser() user: UserEntity): Promise<MyEnrollmentDto[]> {
    return this.learning.myEnrollments(user);
  }
}
