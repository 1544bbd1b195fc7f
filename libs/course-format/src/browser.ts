// The parts that also run in the browser (the web app's authoring screens): no Node built-ins.
export { validateCourseDocument, completenessIssues, incompleteParts, coverIssues, READ_ONLY_COURSE_FIELDS, type DocumentContext, type DocumentValidation } from './validate-document';
export { renderLessonMarkdown, type RenderOptions } from './render-markdown';
export { checkLessonMarkdown, type MarkdownContext, type MarkdownProblem } from './check-markdown';
export { lessonLink, lessonImagePath } from './links';
export { TOPICS, LIMITS, KEY_PATTERN, COVER_PICTURE, type Topic } from './rules';
export {
  countWords,
  estimateCourseTime,
  estimateMinutes,
  finalPlacementIssues,
  longestOptionTell,
  minimumPool,
  quizPolicyIssues,
  timeIssue,
  trueFalseIssue,
  MINUTES_PER_QUESTION,
  WORDS_PER_MINUTE,
  type EstimateInput,
  type TimeEstimate,
} from './assessment';
export { governanceIssues, missingGovernance } from './validate-document';
export { ATTEMPT_DEFAULTS, GOVERNANCE_FIELDS } from './rules';
