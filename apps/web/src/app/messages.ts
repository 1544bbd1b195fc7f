import { defineMessages } from '../lib/i18n';

const es = {
  skipToContent: 'Saltar al contenido principal',
  homeLink: 'eCampus, inicio',
  tagline: 'Formación en gobernanza de la migración',
  mainNav: 'Navegación principal',
  menu: 'Menú',
  catalogue: 'Catálogo',
  myCourses: 'Mis cursos',
  myCertificates: 'Mis certificados',
  reports: 'Informes',
  studio: 'Estudio',
  users: 'Usuarios',
  audit: 'Auditoría',
  signIn: 'Iniciar sesión',
  signUp: 'Crear cuenta',
  signOut: 'Cerrar sesión',
  signedInAs: (name: string) => `Sesión iniciada como ${name}`,
  language: 'Idioma',
  footerAbout: 'eCampus es una plataforma de aprendizaje de código abierto para la gobernanza de la migración.',
  footerIom: 'Certificados emitidos por la OIM, Organización Internacional para las Migraciones.',
  chunkError: 'No se pudo cargar esta parte de la aplicación. Compruebe su conexión y vuelva a cargar la página.',
  reload: 'Volver a cargar',
};

export type AppMessages = typeof es;

const en: AppMessages = {
  skipToContent: 'Skip to main content',
  homeLink: 'eCampus, home',
  tagline: 'Training in migration governance',
  mainNav: 'Main navigation',
  menu: 'Menu',
  catalogue: 'Catalogue',
  myCourses: 'My courses',
  myCertificates: 'My certificates',
  reports: 'Reports',
  studio: 'Studio',
  users: 'Users',
  audit: 'Audit log',
  signIn: 'Sign in',
  signUp: 'Create account',
  signOut: 'Sign out',
  signedInAs: (name: string) => `Signed in as ${name}`,
  language: 'Language',
  footerAbout: 'eCampus is an open-source learning platform for migration governance.',
  footerIom: 'Certificates issued by IOM, the International Organization for Migration.',
  chunkError: 'This part of the app could not be loaded. Check your connection and reload the page.',
  reload: 'Reload',
};

export const messages = defineMessages({ es, en });
