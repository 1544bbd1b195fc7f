import { defineMessages } from '../lib/i18n';

const es = {
  loading: 'Cargando…',
  retry: 'Reintentar',
  errorTitle: 'No se pudo cargar',
  networkError: 'No hay conexión con el servidor. Compruebe su conexión a internet y vuelva a intentarlo.',
  notFound: 'No encontramos lo que busca. Puede que la dirección haya cambiado.',
  forbidden: 'No tiene permiso para ver esta página.',
  tooMany: 'Demasiados intentos. Espere un momento y vuelva a intentarlo.',
  serverError: 'Algo salió mal en el servidor. Vuelva a intentarlo en unos minutos.',
  genericError: 'Algo salió mal. Vuelva a intentarlo.',
  progress: 'Progreso',
  progressValue: (percent: string) => `${percent} completado`,
  backToCatalogue: 'Volver al catálogo',
  offlineItem: 'Sin conexión, y esta página no está guardada en el teléfono. Los cursos descargados para usar sin conexión se pueden leer; el examen final siempre necesita conexión.',
};

export type SharedMessages = typeof es;

const en: SharedMessages = {
  loading: 'Loading…',
  retry: 'Try again',
  errorTitle: 'Could not load',
  networkError: 'Cannot reach the server. Check your internet connection and try again.',
  notFound: 'We could not find what you are looking for. The address may have changed.',
  forbidden: 'You do not have permission to see this page.',
  tooMany: 'Too many tries. Wait a moment and try again.',
  serverError: 'Something went wrong on the server. Try again in a few minutes.',
  genericError: 'Something went wrong. Please try again.',
  progress: 'Progress',
  progressValue: (percent: string) => `${percent} complete`,
  backToCatalogue: 'Back to the catalogue',
  offlineItem: 'No connection, and this page is not saved on the phone. Courses downloaded for offline use can be read; the final quiz always needs a connection.',
};

export const messages = defineMessages({ es, en });
