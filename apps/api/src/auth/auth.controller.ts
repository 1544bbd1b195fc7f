import { Body, Controller, Get, HttpCode, HttpException, Ip, Post, Req, UnauthorizedException } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import type { UserDto } from '@ecampus/contracts';
import { toUserDto, UsersService } from '../users/users.service';
import { UserEntity } from '../users/user.entity';
import { AccountService } from '../account/account.service';
import { LoginDto, RegisterDto } from './auth.dto';
import { Auth, CurrentUser } from './auth.guard';
import { destroy, regenerate } from './session';

// Failed sign-ins allowed per email (and per address) in the window before answering 429.
const FAILURE_WINDOW = '15 minutes';
const MAX_FAILURES_PER_EMAIL = 10;
const MAX_FAILURES_PER_IP = 100;

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly users: UsersService,
    @InjectDataSource() private readonly ds: DataSource,
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
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts; try again later.' })
  async login(@Body() body: LoginDto, @Req() req: Request, @Ip() ip: string): Promise<{ user: UserDto }> {
    const [{ byEmail, byIp }] = await this.ds.query(
      `SELECT count(*) FILTER (WHERE email = $1)::int AS "byEmail", count(*) FILTER (WHERE ip = $2)::int AS "byIp"
         FROM login_failures WHERE created_at > now() - interval '${FAILURE_WINDOW}' AND (email = $1 OR ip = $2)`,
      [body.email, ip],
    );
    if (byEmail >= MAX_FAILURES_PER_EMAIL || byIp >= MAX_FAILURES_PER_IP) {
      throw new HttpException('Too many failed sign-in attempts. Wait 15 minutes and try again.', 429);
    }
    const user = await this.users.authenticate(body.email, body.password);
    if (!user) {
      await this.ds.query(`INSERT INTO login_failures (email, ip) VALUES ($1, $2)`, [body.email, ip]);
      throw new UnauthorizedException('Wrong email or password.');
    }
    await this.ds.query(`DELETE FROM login_failures WHERE email = $1`, [body.email]);
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
