import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import { REPORT_GROUPS, type ReportSummaryDto } from '@ecampus/contracts';
import { Auth } from '../auth/auth.guard';
import { parseFilter, parseGroup, ReportsService } from './reports.service';

const ENROLLMENT_COLUMNS = [
  'enrolled_at', 'completed_at', 'status', 'course', 'course_title', 'language', 'name', 'email', 'country',
  'institution', 'institution_type', 'position', 'gender', 'certificate_code', 'certificate_status', 'certificate_issued_at',
];

@ApiTags('reports')
@Controller('admin/reports')
@Auth('admin', 'author')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('summary')
  @ApiQuery({ name: 'groupBy', enum: REPORT_GROUPS, required: false })
  @ApiQuery({ name: 'from', required: false, description: 'YYYY-MM-DD (inclusive)' })
  @ApiQuery({ name: 'to', required: false, description: 'YYYY-MM-DD (inclusive)' })
  @ApiOkResponse({ description: 'Enrolments, completions and certificates per group; a course’s translations count as one course.' })
  summary(@Query('groupBy') groupBy?: string, @Query('from') from?: string, @Query('to') to?: string): Promise<ReportSummaryDto> {
    return this.reports.summary(parseGroup(groupBy), parseFilter(from, to));
  }

  @Get('enrollments.csv')
  @ApiProduces('text/csv')
  @ApiQuery({ name: 'groupBy', enum: REPORT_GROUPS, required: false, description: 'When given: the summary rows of that grouping instead of one row per enrolment.' })
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  @ApiOkResponse({ description: 'UTF-8 CSV with a header line.' })
  async csv(@Res() res: Response, @Query('groupBy') groupBy?: string, @Query('from') from?: string, @Query('to') to?: string): Promise<void> {
    const filter = parseFilter(from, to);
    let csv: string;
    if (groupBy) {
      const { rows } = await this.reports.summary(parseGroup(groupBy), filter);
      csv = stringify(rows, { header: true, columns: ['group', 'label', 'enrollments', 'completions', 'certificates'], escape_formulas: true });
    } else {
      const rows = await this.reports.enrollmentRows(filter);
      csv = stringify(rows, {
        header: true,
        columns: ENROLLMENT_COLUMNS,
        cast: { date: (d) => d.toISOString() },
        // A name such as =HYPERLINK(…) must stay text in a spreadsheet.
        escape_formulas: true,
      });
    }
    res
      .status(200)
      .set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="enrollments.csv"' })
      .send(csv);
  }
}
