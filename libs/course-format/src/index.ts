export { loadCourses, type LoadedCourse, type LoadedImage } from './load-courses';
export { formatErrors, type CourseFileError } from './errors';
export * from './browser';
