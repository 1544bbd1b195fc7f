import { defineMessages } from '../../lib/i18n';

const es = {
  offlineNow: 'Sin conexión. Puede seguir con los cursos descargados en este teléfono.',
  pending: (n: number) =>
    n === 1 ? 'Una acción guardada en el teléfono se enviará cuando vuelva la conexión.' : `${n} acciones guardadas en el teléfono se enviarán cuando vuelva la conexión.`,
  sent: (n: number) => (n === 1 ? 'Se envió la acción que estaba guardada en el teléfono.' : `Se enviaron las ${n} acciones que estaban guardadas en el teléfono.`),
  sectionTitle: 'Usar sin conexión',
  intro: 'Guarde el curso en este teléfono para leerlo y hacer las evaluaciones de módulo sin conexión.',
  prepare: 'Ver cuánto ocupa',
  preparing: 'Calculando…',
  willStore: (size: string, lessons: number, checks: number) =>
    `Ocupará ${size} en este teléfono: ${lessons} ${lessons === 1 ? 'lección' : 'lecciones'} y ${checks} ${checks === 1 ? 'evaluación' : 'evaluaciones'} de módulo, con sus imágenes.`,
  finalNeedsLine: 'El examen final necesita conexión: no se guarda en el teléfono.',
  download: (size: string) => `Descargar (${size})`,
  cancel: 'Cancelar',
  downloading: (done: string, total: string) => `Descargando… ${done} de ${total}`,
  saved: (size: string, date: string) => `Guardado en este teléfono (${size}) el ${date}.`,
  outdated: 'El curso cambió desde que lo descargó.',
  update: 'Actualizar la copia',
  remove: 'Quitar del teléfono',
  failed: 'No se pudo descargar: compruebe la conexión y vuelva a intentarlo.',
  unsupported: 'Este navegador no puede guardar cursos para usarlos sin conexión.',
};

export type OfflineMessages = typeof es;

const en: OfflineMessages = {
  offlineNow: 'No connection. You can go on with the courses downloaded to this phone.',
  pending: (n: number) =>
    n === 1 ? 'One action saved on this phone will be sent when the connection is back.' : `${n} actions saved on this phone will be sent when the connection is back.`,
  sent: (n: number) => (n === 1 ? 'The action saved on this phone has been sent.' : `The ${n} actions saved on this phone have been sent.`),
  sectionTitle: 'Use offline',
  intro: 'Save the course on this phone to read it and take the module checks with no connection.',
  prepare: 'See how much space it takes',
  preparing: 'Working it out…',
  willStore: (size: string, lessons: number, checks: number) =>
    `It will take ${size} on this phone: ${lessons} ${lessons === 1 ? 'lesson' : 'lessons'} and ${checks} module ${checks === 1 ? 'check' : 'checks'}, with their pictures.`,
  finalNeedsLine: 'The final quiz needs a connection: it is not saved on the phone.',
  download: (size: string) => `Download (${size})`,
  cancel: 'Cancel',
  downloading: (done: string, total: string) => `Downloading… ${done} of ${total}`,
  saved: (size: string, date: string) => `Saved on this phone (${size}) on ${date}.`,
  outdated: 'The course has changed since you downloaded it.',
  update: 'Update the copy',
  remove: 'Remove from the phone',
  failed: 'Could not download: check the connection and try again.',
  unsupported: 'This browser cannot save courses for use offline.',
};

export const messages = defineMessages({ es, en });

/** Bytes as people read them: "840 kB", "1,2 MB". */
export function formatBytes(bytes: number, lang: string): string {
  const mb = bytes >= 1_000_000;
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: mb ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: mb ? 1 : 0,
  }).format(mb ? bytes / 1_000_000 : Math.max(1, bytes / 1000));
}
