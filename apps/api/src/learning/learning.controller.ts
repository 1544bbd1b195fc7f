import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AttemptResultDto, LessonDto, MyEnrollmentDto, QuizDto } from '@ecampus/contracts';
import { Auth, CurrentUser } from '../auth/auth.guard';
import type { UserEntity } from '../users/user.entity';
import { AttemptDto } from './learning.dto';
import { LearningService, ProgressResult } from './learning.service';

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
  @ApiOkResponse({ description: 'The quiz without its answers.' })
  quiz(@Param('id') id: string, @CurrentUser() user: UserEntity): Promise<QuizDto> {
    return this.learning.quiz(user, id);
  }

  @Post('quizzes/:id/attempts')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The attempt, scored on the server, with feedback on each chosen option.' })
  attempt(@Param('id') id: string, @Body() body: AttemptDto, @CurrentUser() user: UserEntity): Promise<AttemptResultDto> {
    return this.learning.attempt(user, id, body.answers);
  }

  @Get('me/enrollments')
  @ApiOkResponse({ description: 'The signed-in learner’s courses with progress.' })
  enrollments(@CurrentUser() user: UserEntity): Promise<MyEnrollmentDto[]> {
    return this.learning.myEnrollments(user);
  }
}
