import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { PATHS } from '../routes';
import { RequireAuth } from '../features/auth/RequireAuth';
import { STAFF_ROLES } from '../features/auth/auth-context';
import { Layout } from './Layout';

// One chunk per page: the first visit downloads only the shell and the page it opens.
const CataloguePage = lazy(() => import('../features/catalogue/CataloguePage'));
const SignInPage = lazy(() => import('../features/auth/SignInPage'));
const SignUpPage = lazy(() => import('../features/auth/SignUpPage'));
const CoursePage = lazy(() => import('../features/course/CoursePage'));
const LessonPage = lazy(() => import('../features/lesson/LessonPage'));
const QuizPage = lazy(() => import('../features/quiz/QuizPage'));
const MyCoursesPage = lazy(() => import('../features/my-courses/MyCoursesPage'));
const MyCertificatesPage = lazy(() => import('../features/certificates/MyCertificatesPage'));
const ReportsPage = lazy(() => import('../features/reports/ReportsPage'));
const NotFoundPage = lazy(() => import('../features/not-found/NotFoundPage'));

/*
 * Declarative routes (BrowserRouter): the data-router APIs (loaders, actions) are not used, and
 * leaving them out halves react-router's weight in the first download.
 */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path={PATHS.catalogue} element={<CataloguePage />} />
        <Route path={PATHS.signIn} element={<SignInPage />} />
        <Route path={PATHS.signUp} element={<SignUpPage />} />
        <Route path={PATHS.course} element={<CoursePage />} />
        <Route
          path={PATHS.lesson}
          element={
            <RequireAuth>
              <LessonPage />
            </RequireAuth>
          }
        />
        <Route
          path={PATHS.quiz}
          element={
            <RequireAuth>
              <QuizPage />
            </RequireAuth>
          }
        />
        <Route
          path={PATHS.myCourses}
          element={
            <RequireAuth>
              <MyCoursesPage />
            </RequireAuth>
          }
        />
        <Route
          path={PATHS.myCertificates}
          element={
            <RequireAuth>
              <MyCertificatesPage />
            </RequireAuth>
          }
        />
        <Route
          path={PATHS.adminReports}
          element={
            <RequireAuth roles={STAFF_ROLES}>
              <ReportsPage />
            </RequireAuth>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
