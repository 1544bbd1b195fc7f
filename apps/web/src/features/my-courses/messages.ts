import { defineMessages } from '../../lib/i18n';

const es = {
  title: 'Mis cursos',
  empty: 'Aún no está inscrito en ningún curso.',
  browse: 'Explorar el catálogo',
  enrolledOn: (date: string) => `Inscrito el ${date}`,
  completedOn: (date: string) => `Completado el ${date}`,
  active: 'En curso',
  completed: 'Completado',
  open: 'Abrir el curso',
  progress: 'Progreso',
};

export type MyCoursesMessages = typeof es;

const en: MyCoursesMessages = {
  title: 'My courses',
  empty: 'You are not enrolled in any course yet.',
  browse: 'Browse the catalogue',
  enrolledOn: (date: string) => `Enrolled on ${date}`,
  completedOn: (date: string) => `Completed on ${date}`,
  active: 'In progress',
  completed: 'Completed',
  open: 'Open the course',
  progress: 'Progress',
};

export const messages = defineMessages({ es, en });
