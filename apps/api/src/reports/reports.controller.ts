import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { stringify } from 'csv-stringify';
import type { Request, Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { INSTITUTION_TYPES, LANGUAGES, REPORT_GROUPS, type ReportSummaryDto } from '@ecampus/contracts';
import { CurrentUser } from '../auth/auth.guard';
import { Allow, assertAllowed, reportScope } from '../auth/policies';
import { AuditService } from '../audit/audit.service';
import type { UserEntity } from '../users/user.entity';
import { parseFilter, parseGroup, parseLanguage, ReportsService, type ReportQuery } from './reports.service';

const ENROLLMENT_COLUMNS = [
  'enrolled_at', 'completed_at', 'status', 'course', 'course_title', 'language', 'name', 'email', 'country',
  'institution', 'institution_type', 'position', 'gender', 'certificate_code', 'certificate_status', 'certificate_issued_at',
];
const SUMMARY_COLUMNS = ['group', 'label', 'enrollments', 'inProgress', 'completions', 'certificates'];

/** The filters every report takes, in any combination. */
function FilterQueries() {
  return (target: object, key: string, descriptor: PropertyDescriptor) => {
    for (const q of [
      ApiQuery({ name: 'from', required: false, description: 'YYYY-MM-DD (inclusive)' }),
      ApiQuery({ name: 'to', required: false, description: 'YYYY-MM-DD (inclusive)' }),
      ApiQuery({ name: 'country', required: false, description: 'ISO 3166-1 alpha-2 code of the learners’ country' }),
      ApiQuery({ name: 'institutionType', required: false, enum: INSTITUTION_TYPES }),
      ApiQuery({ name: 'course', required: false, description: 'A course translation key (its languages count as one course)' }),
      ApiQuery({ name: 'gender', required: false, description: 'The gender the learners gave (case does not matter)' }),
      ApiQuery({ name: 'lang', required: false, enum: LANGUAGES, description: 'Language of the course names (default es)' }),
    ]) {
      q(target, key, descriptor);
    }
  };
}

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
  @FilterQueries()
  @ApiOkResponse({
    description:
      'Enrolments, enrolments still in progress, completions and certificates per group; a course’s translations count as one course. ' +
      'Admins: every course; authors: only the courses they own or were given.',
  })
  async summary(@CurrentUser() user: UserEntity, @Query() query: ReportQuery & { groupBy?: string; lang?: string }): Promise<ReportSummaryDto> {
    return this.reports.summary(parseGroup(query.groupBy), parseFilter(query), parseLanguage(query.lang), await reportScope(user, this.ds.manager));
  }

  @Get('enrollments.csv')
  @ApiProduces('text/csv')
  @ApiQuery({ name: 'groupBy', enum: REPORT_GROUPS, required: false, description: 'When given: the summary rows of that grouping instead of one row per enrolment.' })
  @FilterQueries()
  @ApiOkResponse({
    description:
      'UTF-8 with a byte order mark (Excel reads the accents right) and a header line; one row per enrolment (names, emails: admins only), streamed, ' +
      'or with `groupBy` the summary rows (for authors limited to the courses they edit). Cells that a spreadsheet would run as a formula are escaped.',
  })
  async csv(
    @CurrentUser() user: UserEntity,
    @Req() req: Request,
    @Res() res: Response,
    @Query() query: ReportQuery & { groupBy?: string; lang?: string },
  ): Promise<void> {
    // Learner-level rows are personal data: admins only. Totals are for whoever may read reports.
    if (!query.groupBy) assertAllowed(user, 'report:learners');
    const filter = parseFilter(query);
    const lang = parseLanguage(query.lang);
    const group = query.groupBy ? parseGroup(query.groupBy) : null;
    // Validated before the first byte: once the download starts, its status cannot change.
    const summary = group ? await this.reports.summary(group, filter, lang, await reportScope(user, this.ds.manager)) : null;
    await this.audit.record({
      type: 'report-downloaded', actor: user, subject: 'enrollments.csv',
      detail: { groupBy: group, from: filter.from, to: filter.to }, ip: req.ip,
    });
    res.status(200).set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${group ? `enrollments-by-${group}` : 'enrollments'}.csv"`,
    });
    const rows = async function* (reports: ReportsService) {
      if (summary) yield* summary.rows;
      else for await (const page of reports.enrollmentRows(filter)) yield* page;
    };
    // pipeline: backpressure from a slow line down to the database pages, and a stop when the client goes away.
    await pipeline(
      Readable.from(rows(this.reports)),
      stringify({
        header: true,
        bom: true,
        escape_formulas: true,
        columns: summary ? SUMMARY_COLUMNS : ENROLLMENT_COLUMNS,
        cast: { date: (d) => d.toISOString() },
      }),
      res,
    );
  }
}
