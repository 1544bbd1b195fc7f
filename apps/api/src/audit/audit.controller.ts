import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AUDIT_TYPES, type AuditPageDto } from '@ecampus/contracts';
import { Allow } from '../auth/policies';
import { AuditService } from './audit.service';

@ApiTags('administration')
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Allow('audit:read')
  @ApiQuery({ name: 'type', required: false, enum: AUDIT_TYPES })
  @ApiQuery({ name: 'page', required: false, description: '1-based; 50 events a page.' })
  @ApiOkResponse({ description: 'Admins: the audit log, newest first: `{events: [{id, at, type, actor, subject, detail, ip}], total, page, pageSize}`.' })
  list(@Query('type') type: string | undefined, @Query('page') page: string | undefined, @Res({ passthrough: true }) res: Response): Promise<AuditPageDto> {
    res.setHeader('Cache-Control', 'private, no-store');
    return this.audit.page(typeof type === 'string' ? type : undefined, typeof page === 'string' ? page : undefined);
  }
}
