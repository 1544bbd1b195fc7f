import { TOPICS, type Topic } from '@ecampus/contracts';
import { defineMessages } from '../../lib/i18n';

/** The topics with their names below (a topic the app does not know shows as its code). */
export { TOPICS };

const es = {
  title: 'Catálogo de cursos',
  intro:
    'Cursos breves y gratuitos para el personal que atiende a personas migrantes. Avance a su ritmo, desde el teléfono o la computadora, y obtenga un certificado de la OIM.',
  filters: 'Filtrar cursos',
  search: 'Buscar',
  searchLabel: 'Buscar cursos',
  language: 'Idioma del curso',
  allLanguages: 'Todos los idiomas',
  topic: 'Tema',
  allTopics: 'Todos los temas',
  clear: 'Quitar filtros',
  results: (n: number) => (n === 0 ? 'Ningún curso' : n === 1 ? '1 curso' : `${n} cursos`),
  statusActive: (percent: string) => `Inscripción activa · ${percent}`,
  statusCompleted: 'Completado',
  otherLanguages: 'También en otros idiomas',
  otherLanguagesHint: 'Cursos que coinciden con su búsqueda en otro idioma.',
  empty: 'No hay cursos que coincidan con su búsqueda. Pruebe con otras palabras o quite los filtros.',
  minutes: (formatted: string) => `${formatted} min`,
  modules: (n: number) => (n === 1 ? '1 módulo' : `${n} módulos`),
  duration: 'Duración',
  moduleCount: 'Módulos',
  courseLanguage: 'Idioma',
  topics: {
    trafficking: 'Trata de personas',
    smuggling: 'Tráfico ilícito de migrantes',
    psychosocial: 'Apoyo psicosocial',
    'mental-health': 'Salud mental',
    lgbti: 'Personas LGBTI',
    gender: 'Género',
    gbv: 'Violencia de género',
    children: 'Niñez y adolescencia',
    vulnerability: 'Situaciones de vulnerabilidad',
    referral: 'Derivación',
    protection: 'Protección',
    'migration-management': 'Gestión migratoria',
    health: 'Salud',
    'data-protection': 'Protección de datos',
    'human-rights': 'Derechos humanos',
  } satisfies Record<Topic, string>,
};

export type CatalogueMessages = typeof es;

const en: CatalogueMessages = {
  title: 'Course catalogue',
  intro:
    'Short, free courses for staff who assist migrants. Learn at your own pace, on a phone or a computer, and earn an IOM certificate.',
  filters: 'Filter courses',
  search: 'Search',
  searchLabel: 'Search courses',
  language: 'Course language',
  allLanguages: 'All languages',
  topic: 'Topic',
  allTopics: 'All topics',
  clear: 'Clear filters',
  results: (n: number) => (n === 0 ? 'No courses' : n === 1 ? '1 course' : `${n} courses`),
  statusActive: (percent: string) => `Enrolled · ${percent}`,
  statusCompleted: 'Completed',
  otherLanguages: 'Also in other languages',
  otherLanguagesHint: 'Courses that match your search in another language.',
  empty: 'No courses match your search. Try other words or clear the filters.',
  minutes: (formatted: string) => `${formatted} min`,
  modules: (n: number) => (n === 1 ? '1 module' : `${n} modules`),
  duration: 'Duration',
  moduleCount: 'Modules',
  courseLanguage: 'Language',
  topics: {
    trafficking: 'Trafficking in persons',
    smuggling: 'Migrant smuggling',
    psychosocial: 'Psychosocial support',
    'mental-health': 'Mental health',
    lgbti: 'LGBTI people',
    gender: 'Gender',
    gbv: 'Gender-based violence',
    children: 'Children and adolescents',
    vulnerability: 'Situations of vulnerability',
    referral: 'Referral',
    protection: 'Protection',
    'migration-management': 'Migration management',
    health: 'Health',
    'data-protection': 'Data protection',
    'human-rights': 'Human rights',
  },
};

export const messages = defineMessages({ es, en });

export function topicName(t: CatalogueMessages, topic: string): string {
  return (t.topics as Record<string, string>)[topic] ?? topic;
}
