import { BadRequestException, Body, Controller, Get, Headers, HttpCode, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiPreconditionFailedResponse,
  ApiProperty,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';
import type { AdminCourseDocument, AdminCourseListItem, CourseChangeDto, CourseDocument, TranslationStatusDto } from '@ecampus/contracts';
import { CurrentUser } from '../auth/auth.guard';
import { Allow } from '../auth/policies';
import type { UserEntity } from '../users/user.entity';
import { AuthoringService } from './authoring.service';

const DOCUMENT_BODY = {
  description:
    'A whole course document, as GET /api/admin/courses/:slug returns it: slug, translationKey, language, title, summary, ' +
    'audience, objectives, topics, estimatedMinutes, glossary, references, cover? {image: "images/<uploaded picture>", alt}, ' +
    'authors?, reviewers?, reviewedOn? (YYYY-MM-DD), contentVersion?, licence? (needed to publish), modules[{id?, key?, title, items[lesson {type, title, markdown} | ' +
    'quiz {type, title, kind? ("check" | "final": at most one, the last item), passingScore, draw? (final: questions per attempt; the pool holds ' +
    'at least 1.5 × draw), maxFailedAttempts? (final, default 3), retryAfterHours? (final, default 24), questions[{kind, prompt, options[{text, correct, feedback}]}]}]}]. ' +
    'Read-only fields are ignored.',
  schema: { type: 'object' },
};

export class EditorsDto {
  @ApiProperty({ type: [String], description: 'Ids of the authors who may edit the course besides its owner.' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'userIds must be a list of user ids' })
  userIds: string[];
}

/** The draft's tag goes out as ETag with every answer that carries the draft. */
function tagged(res: Response, doc: AdminCourseDocument): AdminCourseDocument {
  res.setHeader('ETag', doc.draftTag);
  res.setHeader('Cache-Control', 'private, no-store');
  return doc;
}

const versionNumber = new ParseIntPipe({ exceptionFactory: () => new BadRequestException('number must be a whole version number') });

@ApiTags('authoring')
@Controller('admin/courses')
@Allow('studio:use')
export class AuthoringController {
  constructor(private readonly authoring: AuthoringService) {}

  @Get()
  @ApiOkResponse({ description: 'Every course, drafts included, with whether the signed-in user may edit it.' })
  list(@CurrentUser() user: UserEntity): Promise<AdminCourseListItem[]> {
    return this.authoring.list(user);
  }

  @Get(':slug')
  @Allow('course:edit')
  @ApiOkResponse({ description: 'The current draft, with lesson Markdown and the correct flag of every option; its tag as ETag and draftTag.' })
  async get(@Param('slug') slug: string, @CurrentUser() user: UserEntity, @Res({ passthrough: true }) res: Response): Promise<AdminCourseDocument> {
    return tagged(res, await this.authoring.get(user, slug));
  }

  @Post()
  @ApiBody(DOCUMENT_BODY)
  @ApiCreatedResponse({ description: 'A new draft owned by the signed-in author; the server assigns every id.' })
  @ApiConflictResponse({ description: 'The slug is taken.' })
  async create(@Body() body: unknown, @CurrentUser() user: UserEntity, @Res({ passthrough: true }) res: Response): Promise<AdminCourseDocument> {
    return tagged(res, await this.authoring.create(user, body));
  }

  @Put(':slug')
  @Allow('course:edit')
  @ApiBody(DOCUMENT_BODY)
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag (draftTag) of the draft this edit started from: the save is refused with 412 if the draft changed since.',
  })
  @ApiOkResponse({ description: 'The draft is replaced: items with an id are kept, without one are new, left out are removed.' })
  @ApiPreconditionFailedResponse({ description: 'If-Match names an older draft: someone saved the course since. Nothing is stored.' })
  async update(
    @Param('slug') slug: string,
    @Body() body: unknown,
    @CurrentUser() user: UserEntity,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AdminCourseDocument> {
    return tagged(res, await this.authoring.update(user, slug, body, ifMatch));
  }

  @Post(':slug/publish')
  @Allow('course:edit')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The draft becomes the version learners see; their progress is kept.' })
  async publish(@Param('slug') slug: string, @CurrentUser() user: UserEntity, @Res({ passthrough: true }) res: Response): Promise<AdminCourseDocument> {
    return tagged(res, await this.authoring.publish(user, slug));
  }

  @Get(':slug/versions')
  @Allow('course:edit')
  @ApiOkResponse({ description: 'Published versions, newest first.' })
  versions(@Param('slug') slug: string) {
    return this.authoring.versions(slug);
  }

  @Get(':slug/versions/:number')
  @Allow('course:edit')
  @ApiOkResponse({ description: 'The document of one published version.' })
  version(@Param('slug') slug: string, @Param('number', versionNumber) number: number): Promise<CourseDocument> {
    return this.authoring.version(slug, number);
  }

  @Post(':slug/versions/:number/restore')
  @Allow('course:edit')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The version becomes the draft again; publish it to show it to learners.' })
  async restore(
    @Param('slug') slug: string,
    @Param('number', versionNumber) number: number,
    @CurrentUser() user: UserEntity,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AdminCourseDocument> {
    return tagged(res, await this.authoring.restore(user, slug, number));
  }

  @Get(':slug/changes')
  @Allow('course:edit')
  @ApiOkResponse({ description: 'The change log: who changed what and when, newest first.' })
  changes(@Param('slug') slug: string): Promise<CourseChangeDto[]> {
    return this.authoring.changes(slug);
  }

  @Get(':slug/translations')
  @Allow('course:edit')
  @ApiOkResponse({ description: 'The other languages of the course and the items each one lacks.' })
  translations(@Param('slug') slug: string): Promise<TranslationStatusDto[]> {
    return this.authoring.translations(slug);
  }

  @Get(':slug/editors')
  @Allow('course:edit')
  @ApiOkResponse({ description: 'The owner and the authors the course was given to.' })
  editors(@Param('slug') slug: string) {
    return this.authoring.editors(slug);
  }

  @Get(':slug/editor-candidates')
  @Allow('course:choose-editors')
  @ApiQuery({ name: 'q', required: false, description: 'Part of a name, email or institution.' })
  @ApiOkResponse({ description: 'Up to 20 active authors matching q, who could be given the course: `[{id, name, email, role, institution}]`.' })
  @ApiForbiddenResponse({ description: 'Only the course owner and admins choose its editors.' })
  editorCandidates(@Param('slug') slug: string, @Query('q') q: unknown, @CurrentUser() user: UserEntity) {
    return this.authoring.editorCandidates(user, slug, typeof q === 'string' ? q : '');
  }

  @Put(':slug/editors')
  @Allow('course:choose-editors')
  @ApiOkResponse({ description: 'Sets the authors who may edit the course (its owner or an admin).' })
  setEditors(@Param('slug') slug: string, @Body() body: EditorsDto, @CurrentUser() user: UserEntity) {
    return this.authoring.setEditors(user, slug, body.userIds);
  }
}
