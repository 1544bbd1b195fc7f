import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse, ApiBadRequestResponse, ApiConflictResponse, ApiNoContentResponse, ApiOkResponse, ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { OutboxMessageDto, PreferencesDto, UserDto } from '@ecampus/contracts';
import { Auth, CurrentUser } from '../auth/auth.guard';
import { destroy } from '../auth/session';
import { MailService } from '../mail/mail.service';
import type { UserEntity } from '../users/user.entity';
import { toUserDto } from '../users/users.service';
import {
  ChangeEmailDto, ChangePasswordDto, DeleteAccountDto, ForgotPasswordDto, ResetPasswordDto, TokenDto, UpdateProfileDto,
} from './account.dto';
import { AccountService } from './account.service';

const FORGOT_ANSWER = { message: 'If an account has this email, a link to choose a new password is on its way. It works once, for 1 hour.' };

@ApiTags('account')
@Controller()
export class AccountController {
  constructor(private readonly account: AccountService, private readonly mail: MailService) {}

  @Patch('me')
  @Auth()
  @ApiOkResponse({ description: 'The updated user. A new name re-issues the issued certificates (old ones revoked: "name corrected").' })
  @ApiBadRequestResponse({ description: 'A field is invalid; the message names it.' })
  async update(@CurrentUser() user: UserEntity, @Body() body: UpdateProfileDto): Promise<UserDto> {
    return toUserDto(await this.account.updateProfile(user.id, body, user.id));
  }

  @Get('me/preferences')
  @Auth()
  @ApiOkResponse({ description: '`{remindersEnabled}`: PATCH /api/me changes it.' })
  preferences(@CurrentUser() user: UserEntity): PreferencesDto {
    return { remindersEnabled: user.remindersEnabled };
  }

  @Post('me/password')
  @Auth()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Changed; every other session of the user ends.' })
  @ApiBadRequestResponse({ description: '`currentPassword` is wrong or `newPassword` is too short or too common.' })
  async changePassword(@CurrentUser() user: UserEntity, @Body() body: ChangePasswordDto, @Req() req: Request): Promise<void> {
    await this.account.changePassword(user.id, body.currentPassword, body.newPassword, req.sessionID);
  }

  @Post('me/email')
  @Auth()
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'A confirmation link was mailed to the new address; the email changes when it is opened.' })
  @ApiConflictResponse({ description: 'Another account uses this email.' })
  async changeEmail(@CurrentUser() user: UserEntity, @Body() body: ChangeEmailDto) {
    await this.account.requestEmailChange(user, body.email, body.password);
    return { message: 'Open the link we mailed to the new address to confirm it.' };
  }

  @Post('me/email/confirm')
  @HttpCode(200)
  @ApiOkResponse({ description: '`{user}` with the new email (no sign-in needed: the token is the proof).' })
  @ApiBadRequestResponse({ description: 'The token was used, has expired or is unknown.' })
  @ApiConflictResponse({ description: 'Another account took this email meanwhile.' })
  async confirmEmail(@Body() body: TokenDto): Promise<{ user: UserDto }> {
    return { user: toUserDto(await this.account.confirmEmailChange(body.token)) };
  }

  @Post('auth/forgot-password')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'The same answer whether or not the account exists; a single-use link valid 1 h is mailed.' })
  async forgot(@Body() body: ForgotPasswordDto) {
    await this.account.forgotPassword(body.email);
    return FORGOT_ANSWER;
  }

  @Post('auth/reset-password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The password is changed; every session of the user ends.' })
  @ApiBadRequestResponse({ description: 'The token was used, has expired or is unknown, or the password is refused.' })
  async reset(@Body() body: ResetPasswordDto): Promise<void> {
    await this.account.resetPassword(body.token, body.password);
  }

  @Get('me/export')
  @Auth()
  @ApiOkResponse({ description: 'All the learner’s data: profile, enrolments, progress, attempts, certificates, mail sent.' })
  async export(@CurrentUser() user: UserEntity, @Res({ passthrough: true }) res: Response) {
    res.set({ 'Content-Disposition': 'attachment; filename="ecampus-my-data.json"', 'Cache-Control': 'private, no-store' });
    return this.account.export(user.id);
  }

  @Delete('me')
  @Auth()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Personal data erased and signed out; issued certificates stay verifiable.' })
  @ApiBadRequestResponse({ description: '`password` is wrong.' })
  async remove(@CurrentUser() user: UserEntity, @Body() body: DeleteAccountDto, @Req() req: Request): Promise<void> {
    await this.account.deleteAccount(user, body.password);
    await destroy(req);
  }

  @Get('admin/outbox')
  @Auth('admin')
  @ApiOkResponse({ description: 'Every message written, newest first: `[{to, subject, text, createdAt, status, template}]`. Without SMTP_URL nothing leaves: this is where mail is read.' })
  outbox(): Promise<OutboxMessageDto[]> {
    return this.mail.outbox();
  }
}
