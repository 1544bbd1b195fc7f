// The parts that also run in the browser (the web app's authoring screens): no Node built-ins.
export { validateCourseDocument, READ_ONLY_COURSE_FIELDS, type DocumentValidation } from './validate-document';
export { renderLessonMarkdown, type RenderOptions } from './render-markdown';
export { checkLessonMarkdown, type MarkdownContext, type MarkdownProblem } from './check-markdown';
export { lessonLink, lessonImagePath } from './links';
export { TOPICS, LIMITS, KEY_PATTERN, type Topic } from './rules';
