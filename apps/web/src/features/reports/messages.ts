import type { ReportGroup } from '@ecampus/contracts';
import { defineMessages } from '../../lib/i18n';

const es = {
  title: 'Informes',
  intro: 'Inscripciones, cursos completados y certificados emitidos, agrupados como elija y, si lo desea, limitados a un periodo.',
  filters: 'Filtros del informe',
  groupBy: 'Agrupar por',
  groups: {
    country: 'País',
    institutionType: 'Tipo de institución',
    course: 'Curso',
  } satisfies Record<ReportGroup, string>,
  from: 'Desde',
  to: 'Hasta',
  dateHint: 'Opcional',
  show: 'Mostrar el informe',
  invalidRange: 'La fecha «Hasta» debe ser igual o posterior a «Desde».',
  caption: (group: string, range: string) => `Resultados por ${group.toLowerCase()}${range}`,
  rangeFrom: (date: string) => ` desde el ${date}`,
  rangeTo: (date: string) => ` hasta el ${date}`,
  enrollments: 'Inscripciones',
  completions: 'Completados',
  certificates: 'Certificados',
  completionRate: 'Tasa de finalización',
  total: 'Total',
  empty: 'No hay datos para este periodo.',
  downloadCsv: 'Descargar las inscripciones (CSV)',
  tableRegion: 'Tabla de resultados',
};

export type ReportsMessages = typeof es;

const en: ReportsMessages = {
  title: 'Reports',
  intro: 'Enrolments, completed courses and certificates issued, grouped as you choose and, if you wish, limited to a period.',
  filters: 'Report filters',
  groupBy: 'Group by',
  groups: {
    country: 'Country',
    institutionType: 'Type of institution',
    course: 'Course',
  },
  from: 'From',
  to: 'To',
  dateHint: 'Optional',
  show: 'Show the report',
  invalidRange: 'The "To" date must be the same as or after the "From" date.',
  caption: (group: string, range: string) => `Results by ${group.toLowerCase()}${range}`,
  rangeFrom: (date: string) => ` from ${date}`,
  rangeTo: (date: string) => ` to ${date}`,
  enrollments: 'Enrolments',
  completions: 'Completions',
  certificates: 'Certificates',
  completionRate: 'Completion rate',
  total: 'Total',
  empty: 'No data for this period.',
  downloadCsv: 'Download the enrolments (CSV)',
  tableRegion: 'Results table',
};

export const messages = defineMessages({ es, en });
