import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { stringify } from 'csv-stringify/sync';
import type { Request, Response } from 'express';
import { REPORT_GROUPS, type ReportSummaryDto } from '@ecampus/contracts';
import { CurrentUser } from '../auth/auth.guard';
import { Allow, assertAllowed, reportScope } from '../auth/policies';
import { AuditService } from '../audit/audit.service';
import type { UserEntity } from '../users/user.entity';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { parseFilter, parseGroup, ReportsService } from './reports.service';

const ENROLLMENT_COLUMNS = [
  'enrolled_at', 'completed_at', 'status', 'course', 'course_title', 'language', 'name', 'email', 'country',
  'institution', 'institution_type', 'position', 'gender', 'certificate_code', 'certificate_status', 'certificate_issued_at',
];

@ApiTags('reports')
@Controller('admin/reports')
@Allow('report:aggregate')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  @Get('summary')
  @ApiQuery({ name: 'groupBy', enum: REPORT_GROUPS, required: false })
  @ApiQuery({ name: 'from', required: false, description: 'YYYY-MM-DD (inclusive)' })
  @ApiQuery({ name: 'to', required: false, description: 'YYYY-MM-DD (inclusive)' })
  @ApiOkResponse({
    description: 'Enrolments, completions and certificates per group; a course’s translations count as one course. ' +
      'Admins: every course; authors: only the courses they own or were given.',
  })
  async summary(@CurrentUser() user: UserEntity, @Query('groupBy') groupBy?: string, @Query('from') from?: string, @Query('to') to?: string): Promise<ReportSummaryDto> {
    const group = parseGroup(groupBy);
    const filter = parseFilter(from, to);
    return this.reports.summary(group, filter, await reportScope(user, this.ds.manager));
  }

  @Get('enrollments.csv')
  @ApiProduces('text/csv')
  @ApiQuery({ name: 'groupBy', enum: REPORT_GROUPS, required: false, description: 'When given: the summary rows of that grouping instead of one row per enrolment.' })
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  @ApiOkResponse({
    description: 'UTF-8 CSV with a header line. One row per enrolment (names, emails): admins only. ' +
      'With ?groupBy=: the summary rows, for authors limited to the courses they edit.',
  })
  async csv(
    @CurrentUser() user: UserEntity,
    @Req() req: Request,
    @Res() res: Response,
    @Query('groupBy') groupBy?: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
  ): Promise<void> {
    // Learner-level rows are personal data: admins only. Totals are for whoever may read reports.
    if (!groupBy) assertAllowed(user, 'report:learners');
    const filter = parseFilter(from, to);
    let csv: string;
    if (groupBy) {
      const { rows } = await this.reports.summary(parseGroup(groupBy), filter, await reportScope(user, this.ds.manager));
      csv = stringify(rows, { header: true, columns: ['group', 'label', 'enrollments', 'completions', 'certificates'] });
    } else {
      const rows = await this.reports.enrollmentRows(filter);
      csv = stringify(rows, {
        header: true,
        columns: ENROLLMENT_COLUMNS,
        cast: { date: (d) => d.toISOString() },
      });
    }
    await this.audit.record({
      type: 'report-downloaded', actor: user, subject: 'enrollments.csv',
      detail: { groupBy: groupBy || null, from: filter.from, to: filter.to }, ip: req.ip,
    });
    res
      .status(200)
      .set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="enrollments.csv"' })
      .send(csv);
  }
}
