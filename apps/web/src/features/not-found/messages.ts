import { defineMessages } from '../../lib/i18n';

const es = {
  title: 'Página no encontrada',
  body: 'La dirección que abrió no existe o ha cambiado. Compruebe que esté bien escrita o vuelva al catálogo de cursos.',
  home: 'Ir al catálogo',
};

export type NotFoundMessages = typeof es;

const en: NotFoundMessages = {
  title: 'Page not found',
  body: 'The address you opened does not exist or has changed. Check that it is spelled right, or go back to the course catalogue.',
  home: 'Go to the catalogue',
};

export const messages = defineMessages({ es, en });
