import { defineMessages } from '../../lib/i18n';

const es = {
  title: 'Mis cursos',
  empty: 'Aún no tiene cursos. Elija uno en el catálogo para empezar.',
  browse: 'Explorar el catálogo',
  // Worded without gender: the profile does not always say it.
  enrolledOn: (date: string) => `Inscripción del ${date}`,
  completedOn: (date: string) => `Completado el ${date}`,
  active: 'Inscripción activa',
  completed: 'Completado',
  open: 'Abrir el curso',
  progress: 'Progreso',
  continueWith: (title: string) => `Continuar: ${title}`,
  downloadCertificate: 'Descargar certificado',
  certificatePending: 'Su certificado se está preparando; aparecerá aquí en unos momentos.',
  modules: 'Progreso por módulo',
  moduleDone: (done: number, total: number) => `${done} de ${total}`,
};

export type MyCoursesMessages = typeof es;

const en: MyCoursesMessages = {
  title: 'My courses',
  empty: 'You have no courses yet. Choose one in the catalogue to start.',
  browse: 'Browse the catalogue',
  enrolledOn: (date) => `Enrolled on ${date}`,
  completedOn: (date) => `Completed on ${date}`,
  active: 'Enrolled',
  completed: 'Completed',
  open: 'Open the course',
  progress: 'Progress',
  continueWith: (title) => `Continue: ${title}`,
  downloadCertificate: 'Download certificate',
  certificatePending: 'Your certificate is being prepared; it will appear here in a moment.',
  modules: 'Progress by module',
  moduleDone: (done, total) => `${done} of ${total}`,
};

export const messages = defineMessages({ es, en });
