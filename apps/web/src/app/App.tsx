import { lazy, type ReactNode } from 'react';
import type { Role } from '@ecampus/contracts';
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
const DirectoryPage = lazy(() => import('../features/directory/DirectoryPage'));
const NotFoundPage = lazy(() => import('../features/not-found/NotFoundPage'));
// Staff pages: their code (and the drag-and-drop library) never reaches learners' phones.
const StudioHomePage = lazy(() => import('../features/studio/StudioHomePage'));
const CourseEditorPage = lazy(() => import('../features/studio/CourseEditorPage'));
const PreviewPage = lazy(() => import('../features/studio/PreviewPage'));
const ProfilePage = lazy(() => import('../features/account/ProfilePage'));
const ForgotPasswordPage = lazy(() => import('../features/account/ForgotPasswordPage'));
const ResetPasswordPage = lazy(() => import('../features/account/ResetPasswordPage'));
const ConfirmEmailPage = lazy(() => import('../features/account/ConfirmEmailPage'));
const OutboxPage = lazy(() => import('../features/account/OutboxPage'));
const UsersAdminPage = lazy(() => import('../features/users-admin/UsersAdminPage'));
const DirectoryAdminPage = lazy(() => import('../features/directory/DirectoryAdminPage'));
const CertificateSettingsPage = lazy(() => import('../features/certificate-settings/CertificateSettingsPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));

const ADMIN_ONLY: readonly Role[] = ['admin'];

/** A page for authors and admins only: learners are told so (the API refuses them too). */
function Staff({ children, roles = STAFF_ROLES }: { children: ReactNode; roles?: readonly Role[] }) {
  return <RequireAuth roles={roles}>{children}</RequireAuth>;
}

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
        <Route path={PATHS.studio} element={<Staff><StudioHomePage /></Staff>} />
        <Route path={PATHS.studioNew} element={<Staff><CourseEditorPage isNew /></Staff>} />
        <Route path={PATHS.studioPreview} element={<Staff><PreviewPage kind="course" /></Staff>} />
        <Route path={PATHS.studioPreviewLesson} element={<Staff><PreviewPage kind="lesson" /></Staff>} />
        <Route path={PATHS.studioPreviewQuiz} element={<Staff><PreviewPage kind="quiz" /></Staff>} />
        <Route path={PATHS.studioCourse} element={<Staff><CourseEditorPage /></Staff>} />
        <Route path={PATHS.adminUsers} element={<Staff roles={ADMIN_ONLY}><UsersAdminPage /></Staff>} />
        <Route path={PATHS.directory} element={<DirectoryPage />} />
        <Route path={PATHS.adminDirectory} element={<Staff roles={ADMIN_ONLY}><DirectoryAdminPage /></Staff>} />
        <Route path={PATHS.adminCertificates} element={<Staff roles={ADMIN_ONLY}><CertificateSettingsPage /></Staff>} />
        <Route path={PATHS.profile} element={<RequireAuth><ProfilePage /></RequireAuth>} />
        <Route path={PATHS.forgotPassword} element={<ForgotPasswordPage />} />
        <Route path={PATHS.resetPassword} element={<ResetPasswordPage />} />
        <Route path={PATHS.confirmEmail} element={<ConfirmEmailPage />} />
        <Route path={PATHS.adminOutbox} element={<Staff roles={ADMIN_ONLY}><OutboxPage /></Staff>} />
        <Route path={PATHS.adminAudit} element={<Staff roles={ADMIN_ONLY}><AuditPage /></Staff>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
