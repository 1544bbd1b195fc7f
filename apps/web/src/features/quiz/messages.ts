import { defineMessages } from '../../lib/i18n';

const es = {
  notFoundTitle: 'Cuestionario no encontrado',
  notEnrolledTitle: 'Inscríbase para hacer este cuestionario',
  notEnrolled: 'Este cuestionario forma parte de un curso en el que aún no está inscrito. Búsquelo en el catálogo e inscríbase.',
  backToCourse: 'Volver al índice del curso',
  intro: (questions: number, passing: string) =>
    `${questions === 1 ? '1 pregunta' : `${questions} preguntas`}. Para aprobar necesita ${passing} de respuestas correctas. Puede intentarlo las veces que quiera.`,
  alreadyPassed: (best: string) => `Ya aprobó este cuestionario (mejor resultado: ${best}).`,
  bestSoFar: (best: string) => `Su mejor resultado hasta ahora: ${best}.`,
  questionNumber: (n: number, total: number) => `Pregunta ${n} de ${total}`,
  chooseOne: 'Elija una respuesta.',
  chooseMany: 'Elija todas las respuestas correctas.',
  answerThis: 'Responda esta pregunta.',
  errorSummaryTitle: 'Faltan respuestas',
  submit: 'Enviar respuestas',
  submitting: 'Enviando…',
  resultTitle: 'Su resultado',
  score: (score: string) => `Puntuación: ${score}`,
  rightCount: (right: number, total: number) => `Respondió bien ${right} de ${total} preguntas.`,
  passed: '¡Aprobado! Buen trabajo.',
  failed: (passing: string) => `Aún no aprueba: necesita ${passing}. Lea las explicaciones y vuelva a intentarlo.`,
  courseCompleted: '¡Ha completado el curso! Estamos preparando su certificado.',
  seeCertificates: 'Ver mis certificados',
  retry: 'Volver a intentarlo',
  nextItem: (title: string) => `Siguiente: ${title}`,
  correct: 'Correcta',
  incorrect: 'Incorrecta',
  yourAnswer: 'Su respuesta:',
  previous: 'Anterior',
  next: 'Siguiente',
  pager: 'Elementos anteriores y siguientes del curso',
  introFinal: (questions: number, passing: string, left: number | undefined) =>
    `${questions} preguntas elegidas al azar. Para aprobar necesita ${passing} de respuestas correctas.` +
    (left === undefined ? '' : left === 1 ? ' Le queda 1 intento.' : ` Le quedan ${left} intentos.`),
  lockedTitle: 'La evaluación final aún no está abierta',
  lockedIntro: (n: number) =>
    `Se abre cuando complete todas las lecciones y comprobaciones de los módulos. ${n === 1 ? 'Le falta:' : `Le faltan ${n}:`}`,
  limitTitle: 'Ha usado todos sus intentos',
  limitReached: (when: string) => `Podrá volver a intentarlo a partir del ${when}. Mientras tanto, repase las lecciones.`,
  attemptsLeft: (n: number) => (n === 1 ? 'Le queda 1 intento antes de una espera.' : `Le quedan ${n} intentos antes de una espera.`),
  failedFinal: (passing: string) => `Aún no aprueba: necesita ${passing}. Lea la explicación de sus respuestas y repase las lecciones.`,
  wrongQuestions: (numbers: number[]) =>
    numbers.length === 1 ? `Falló la pregunta ${numbers[0]}.` : `Falló las preguntas ${numbers.slice(0, -1).join(', ')} y ${numbers.at(-1)}.`,
  newDraw: 'Intentarlo con otras preguntas',
  reviewTitle: 'Revisión de la evaluación',
  rightOption: 'Respuesta correcta',
  otherOption: 'Otra opción',
  youChose: 'Usted la eligió',
};

export type QuizMessages = typeof es;

const en: QuizMessages = {
  notFoundTitle: 'Quiz not found',
  notEnrolledTitle: 'Enrol to take this quiz',
  notEnrolled: 'This quiz is part of a course you are not enrolled in yet. Find it in the catalogue and enrol.',
  backToCourse: 'Back to the course outline',
  intro: (questions: number, passing: string) =>
    `${questions === 1 ? '1 question' : `${questions} questions`}. To pass you need ${passing} of the answers right. You can try as many times as you like.`,
  alreadyPassed: (best: string) => `You have already passed this quiz (best score: ${best}).`,
  bestSoFar: (best: string) => `Your best score so far: ${best}.`,
  questionNumber: (n: number, total: number) => `Question ${n} of ${total}`,
  chooseOne: 'Choose one answer.',
  chooseMany: 'Choose all the right answers.',
  answerThis: 'Answer this question.',
  errorSummaryTitle: 'Some answers are missing',
  submit: 'Submit answers',
  submitting: 'Submitting…',
  resultTitle: 'Your result',
  score: (score: string) => `Score: ${score}`,
  rightCount: (right: number, total: number) => `You answered ${right} of ${total} questions right.`,
  passed: 'Passed! Well done.',
  failed: (passing: string) => `Not passed yet: you need ${passing}. Read the explanations and try again.`,
  courseCompleted: 'You have completed the course! We are preparing your certificate.',
  seeCertificates: 'See my certificates',
  retry: 'Try again',
  nextItem: (title: string) => `Next: ${title}`,
  correct: 'Correct',
  incorrect: 'Incorrect',
  yourAnswer: 'Your answer:',
  previous: 'Previous',
  next: 'Next',
  pager: 'Previous and next items of the course',
  introFinal: (questions: number, passing: string, left: number | undefined) =>
    `${questions} questions chosen at random. To pass you need ${passing} of the answers right.` +
    (left === undefined ? '' : left === 1 ? ' You have 1 attempt left.' : ` You have ${left} attempts left.`),
  lockedTitle: 'The final assessment is not open yet',
  lockedIntro: (n: number) => `It opens once you complete every lesson and module check. ${n === 1 ? 'Still to do:' : `Still to do (${n}):`}`,
  limitTitle: 'You have used all your attempts',
  limitReached: (when: string) => `You may try again from ${when}. In the meantime, review the lessons.`,
  attemptsLeft: (n: number) => (n === 1 ? 'You have 1 attempt left before a wait.' : `You have ${n} attempts left before a wait.`),
  failedFinal: (passing: string) => `Not passed yet: you need ${passing}. Read the explanation of your answers and review the lessons.`,
  wrongQuestions: (numbers: number[]) =>
    numbers.length === 1 ? `You got question ${numbers[0]} wrong.` : `You got questions ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)} wrong.`,
  newDraw: 'Try again with other questions',
  reviewTitle: 'Review of the assessment',
  rightOption: 'Right answer',
  otherOption: 'Other option',
  youChose: 'You chose it',
};

export const messages = defineMessages({ es, en });
