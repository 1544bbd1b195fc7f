import { defineMessages } from '../../lib/i18n';

const es = {
  title: 'Certificados',
  intro: 'Lo que se escribe aquí aparece en los certificados que se emitan desde ahora. Los certificados ya emitidos conservan la firma con la que se emitieron.',
  signatoryName: 'Nombre de quien firma',
  signatoryNameHint: 'Déjelo vacío para emitir certificados sin bloque de firma.',
  signatoryTitle: 'Cargo',
  signatoryTitleHint: 'Por ejemplo: Coordinadora de Formación, OIM México.',
  programmeName: 'Nombre del programa',
  programmeNameHint: 'Se imprime debajo del título del curso.',
  optional: 'opcional',
  save: 'Guardar',
  saved: 'Guardado. Los próximos certificados lo mostrarán.',
  signature: 'Imagen de la firma',
  signatureHint: 'PNG o JPEG de hasta 512 kB, con fondo blanco o transparente.',
  current: 'Firma actual',
  noSignature: 'No hay imagen de firma: el certificado muestra solo el nombre y el cargo.',
  upload: 'Subir la imagen',
  uploaded: 'La nueva firma aparecerá en los próximos certificados.',
  remove: 'Quitar la imagen',
  removed: 'Imagen quitada. Los certificados ya emitidos conservan la suya.',
  chooseFile: 'Elija primero un archivo PNG o JPEG.',
};

export type CertificateSettingsMessages = typeof es;

const en: CertificateSettingsMessages = {
  title: 'Certificates',
  intro: 'What you write here appears on the certificates issued from now on. Certificates already issued keep the signature they were issued with.',
  signatoryName: 'Name of the signatory',
  signatoryNameHint: 'Leave it empty to issue certificates without a signature block.',
  signatoryTitle: 'Title',
  signatoryTitleHint: 'For example: Training Coordinator, IOM Mexico.',
  programmeName: 'Programme name',
  programmeNameHint: 'Printed under the course title.',
  optional: 'optional',
  save: 'Save',
  saved: 'Saved. The next certificates will show it.',
  signature: 'Signature picture',
  signatureHint: 'PNG or JPEG up to 512 kB, on a white or transparent background.',
  current: 'Current signature',
  noSignature: 'No signature picture: the certificate shows only the name and title.',
  upload: 'Upload the picture',
  uploaded: 'The new signature will appear on the next certificates.',
  remove: 'Remove the picture',
  removed: 'Picture removed. Certificates already issued keep theirs.',
  chooseFile: 'Choose a PNG or JPEG file first.',
};

export const messages = defineMessages({ es, en });
