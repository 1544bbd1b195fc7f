import { defineMessages } from '../../lib/i18n';

const es = {
  notFoundTitle: 'Lección no encontrada',
  notEnrolledTitle: 'Inscríbase para ver esta lección',
  notEnrolled: 'Esta lección forma parte de un curso en el que aún no está inscrito. Búsquelo en el catálogo e inscríbase.',
  backToCourse: 'Volver al índice del curso',
  courseProgress: 'Progreso del curso',
  completed: 'Lección completada',
  completeAndContinue: 'Marcar como completada y continuar',
  completeAndFinish: 'Marcar como completada y volver al curso',
  saving: 'Guardando…',
  previous: 'Anterior',
  next: 'Siguiente',
  pager: 'Lecciones anteriores y siguientes',
  lesson: 'Lección',
  quiz: 'Cuestionario',
};

export type LessonMessages = typeof es;

const en: LessonMessages = {
  notFoundTitle: 'Lesson not found',
  notEnrolledTitle: 'Enrol to see this lesson',
  notEnrolled: 'This lesson is part of a course you are not enrolled in yet. Find it in the catalogue and enrol.',
  backToCourse: 'Back to the course outline',
  courseProgress: 'Course progress',
  completed: 'Lesson completed',
  completeAndContinue: 'Mark as completed and continue',
  completeAndFinish: 'Mark as completed and return to the course',
  saving: 'Saving…',
  previous: 'Previous',
  next: 'Next',
  pager: 'Previous and next lessons',
  lesson: 'Lesson',
  quiz: 'Quiz',
};

export const messages = defineMessages({ es, en });
