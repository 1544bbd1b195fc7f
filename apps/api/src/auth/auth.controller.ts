import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { UserDto } from '@ecampus/contracts';
import { toUserDto, UsersService } from '../users/users.service';
import { UserEntity } from '../users/user.entity';
import { AccountService } from '../account/account.service';
import { LoginDto, RegisterDto } from './auth.dto';
import { Auth, CurrentUser } from './auth.guard';
import { destroy, regenerate } from './session';
import { SignInService, TooManySignInsException } from './sign-in.service';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly signIns: SignInService,
    private readonly account: AccountService,
  ) {}

  @Post('auth/register')
  @ApiCreatedResponse({ description: 'The account is created and signed in.' })
  @ApiConflictResponse({ description: 'An account with this email already exists.' })
  async register(@Body() body: RegisterDto, @Req() req: Request): Promise<{ user: UserDto }> {
    const user = await this.users.create(body);
    await regenerate(req);
    req.session.userId = user.id;
    await this.account.welcome(user);
    return { user: toUserDto(user) };
  }

  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Signed in; the session cookie is set.' })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password (the same answer for both).' })
  @ApiTooManyRequestsResponse({
    description: 'Too many attempts for this email (10 in 15 minutes) or from this address (100): locked for 15 minutes, doubling with each further lockout. Retry-After gives the seconds.',
  })
  async login(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<{ user: UserDto }> {
    let user: UserEntity;
    try {
      // req.ip is the socket's address unless TRUST_PROXY is set (then the proxy's X-Forwarded-For).
      user = await this.signIns.signIn(body.email, body.password, req.ip ?? 'unknown');
    } catch (e) {
      if (e instanceof TooManySignInsException) res.setHeader('Retry-After', String(e.retryAfterSeconds));
      throw e;
    }
    await regenerate(req);
    req.session.userId = user.id;
    return { user: toUserDto(user) };
  }

  @Post('auth/logout')
  @HttpCode(204)
  async logout(@Req() req: Request): Promise<void> {
    await destroy(req);
  }

  @Get('me')
  @Auth()
  @ApiOkResponse({ description: 'The signed-in user.' })
  me(@CurrentUser() user: UserEntity): UserDto {
    return toUserDto(user);
  }
}
