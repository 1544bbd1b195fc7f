import { BadRequestException, Body, ConflictException, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsString, Length, ValidateIf } from 'class-validator';
import { AccountService } from '../account/account.service';
import { DataSource } from 'typeorm';
import { ROLES, type Role, type UserDto } from '@ecampus/contracts';
import { CurrentUser } from '../auth/auth.guard';
import { Allow } from '../auth/policies';
import { AuditService } from '../audit/audit.service';
import { isUuid, notFound } from '../common/errors';
import { UserEntity } from './user.entity';
import { toUserDto } from './users.service';

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES })
  // IsOptional would let null through to a NOT NULL column: only a missing field is optional.
  @ValidateIf((_, v) => v !== undefined)
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ description: 'false deactivates the account: it can no longer sign in.' })
  @ValidateIf((_, v) => v !== undefined)
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({ description: 'A corrected name: the learner’s issued certificates are re-issued under it.' })
  @ValidateIf((_, v) => v !== undefined)
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'name must be text' })
  @Length(2, 120, { message: 'name must be between 2 and 120 characters' })
  name?: string;
}

type AdminUserDto = UserDto & { active: boolean; createdAt: string };
const toAdminDto = (u: UserEntity): AdminUserDto => ({ ...toUserDto(u), active: u.active, createdAt: u.createdAt.toISOString() });

@ApiTags('administration')
@Controller('admin/users')
@Allow('user:manage')
export class UsersAdminController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly account: AccountService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiQuery({ name: 'q', required: false, description: 'Part of a name, email or institution.' })
  @ApiQuery({ name: 'role', required: false, enum: ROLES })
  @ApiQuery({ name: 'page', required: false, description: '1-based; 50 users a page.' })
  @ApiOkResponse({ description: '`{users, total, page, pageSize}`' })
  async list(@Query('q') q?: string, @Query('role') role?: string, @Query('page') page = '1') {
    if (role && !ROLES.includes(role as Role)) throw new BadRequestException(`role must be one of: ${ROLES.join(', ')}`);
    const p = Number(page);
    if (!Number.isInteger(p) || p < 1) throw new BadRequestException('page must be a whole number from 1');
    const pageSize = 50;
    const qb = this.ds.getRepository(UserEntity).createQueryBuilder('u').orderBy('u.created_at', 'DESC').skip((p - 1) * pageSize).take(pageSize);
    if (role) qb.andWhere('u.role = :role', { role });
    if (typeof q === 'string' && q.trim()) {
      const like = `%${q.trim().replace(/[\\%_]/g, (ch) => '\\' + ch)}%`;
      qb.andWhere('(u.name ILIKE :like OR u.email ILIKE :like OR u.institution ILIKE :like)', { like });
    }
    const [users, total] = await qb.getManyAndCount();
    return { users: users.map(toAdminDto), total, page: p, pageSize };
  }

  @Patch(':id')
  @ApiOkResponse({ description: 'The user with the new role or state.' })
  async update(@Param('id') id: string, @Body() body: UpdateUserDto, @CurrentUser() me: UserEntity): Promise<AdminUserDto> {
    if (!isUuid(id)) throw notFound('User');
    const repo = this.ds.getRepository(UserEntity);
    const user = await repo.findOneBy({ id });
    if (!user) throw notFound('User');
    if (user.id === me.id && (body.active === false || (body.role && body.role !== 'admin'))) {
      throw new ConflictException('You cannot demote or deactivate your own account: ask another admin.');
    }
    await this.ds.transaction(async (m) => {
      await m.getRepository(UserEntity).update(id, { ...(body.role ? { role: body.role } : {}), ...(body.active !== undefined ? { active: body.active } : {}) });
      if (body.role && body.role !== user.role) {
        await this.audit.record({ type: 'role-changed', actor: me, subject: user.id, detail: { email: user.email, from: user.role, to: body.role } }, m);
      }
      if (body.active !== undefined && body.active !== user.active) {
        await this.audit.record({ type: body.active ? 'account-reactivated' : 'account-deactivated', actor: me, subject: user.id, detail: { email: user.email } }, m);
      }
      // A deactivated account is signed out everywhere.
      if (body.active === false) await m.query(`DELETE FROM sessions WHERE sess->>'userId' = $1`, [id]);
    });
    if (body.name !== undefined) await this.account.updateProfile(id, { name: body.name }, me.id);
    return toAdminDto((await repo.findOneBy({ id }))!);
  }
}
