import type { AuditType } from '@ecampus/contracts';
import { defineMessages } from '../../lib/i18n';

const es = {
  title: 'Registro de auditoría',
  intro: 'Quién hizo qué y cuándo: inicios de sesión (también los fallidos), cambios de rol, cuentas desactivadas, publicaciones, revocaciones y descargas. Lo más reciente primero.',
  typeFilter: 'Tipo de evento',
  allTypes: 'Todos los eventos',
  show: 'Mostrar',
  types: {
    'sign-in': 'Inicio de sesión',
    'sign-in-failed': 'Inicio de sesión fallido',
    'sign-in-locked': 'Inicio de sesión bloqueado',
    'role-changed': 'Cambio de rol',
    'account-deactivated': 'Cuenta desactivada',
    'account-reactivated': 'Cuenta reactivada',
    'course-published': 'Curso publicado',
    'certificate-revoked': 'Certificado revocado',
    'course-exported': 'Curso exportado',
    'report-downloaded': 'Informe descargado',
  } satisfies Record<AuditType, string>,
  results: (n: number) => (n === 0 ? 'Ningún evento' : n === 1 ? '1 evento' : `${n} eventos`),
  empty: 'No hay eventos de este tipo.',
  caption: 'Eventos',
  who: 'Quién',
  what: 'Sobre',
  address: 'Dirección',
  details: 'Detalles',
  nobody: 'sin cuenta',
  previousPage: 'Página anterior',
  nextPage: 'Página siguiente',
  pageOf: (page: number, pages: number) => `Página ${page} de ${pages}`,
  pagination: 'Páginas del registro',
};

export type AuditMessages = typeof es;

const en: AuditMessages = {
  title: 'Audit log',
  intro: 'Who did what and when: sign-ins (failed ones too), role changes, deactivated accounts, publishes, revocations and downloads. Newest first.',
  typeFilter: 'Kind of event',
  allTypes: 'All events',
  show: 'Show',
  types: {
    'sign-in': 'Sign-in',
    'sign-in-failed': 'Failed sign-in',
    'sign-in-locked': 'Sign-in locked',
    'role-changed': 'Role changed',
    'account-deactivated': 'Account deactivated',
    'account-reactivated': 'Account reactivated',
    'course-published': 'Course published',
    'certificate-revoked': 'Certificate revoked',
    'course-exported': 'Course exported',
    'report-downloaded': 'Report downloaded',
  },
  results: (n: number) => (n === 0 ? 'No events' : n === 1 ? '1 event' : `${n} events`),
  empty: 'There are no events of this kind.',
  caption: 'Events',
  who: 'Who',
  what: 'About',
  address: 'Address',
  details: 'Details',
  nobody: 'no account',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
  pagination: 'Log pages',
};

export const messages = defineMessages({ es, en });
