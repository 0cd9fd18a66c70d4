import { MantineProvider } from '@mantine/core';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { Provider as UrqlProvider } from 'urql';

import { I18nProvider, Locale, storedLocale, storeLocale } from '@/i18n/i18n';
import { Loading, NotAvailable } from '@/modules/ui/page';
import { SignInPage } from '@/pages/sign-in-page';
import { WorkQueuePage } from '@/pages/work-queue-page';

import { createGraphqlClient } from './client';
import { Layout } from './layout';
import { currentSession, Session, signOut as endSession } from './session';
import { homePath, SessionContext, SessionState } from './session-context';
import { theme } from './theme';

const TaskPage = lazy(() => import('@/pages/task-page'));
const NewTaskPage = lazy(() => import('@/pages/new-task-page'));
const CrossBorderListPage = lazy(() => import('@/pages/cross-border-list-page'));
const CrossBorderRequestPage = lazy(() => import('@/pages/cross-border-request-page'));
const ReferralsPage = lazy(() => import('@/pages/referrals-page'));
const ReferralPage = lazy(() => import('@/pages/referral-page'));
const CasesPage = lazy(() => import('@/pages/cases-page'));
const CasePage = lazy(() => import('@/pages/case-page'));
const GroupRegistrationPage = lazy(() => import('@/pages/group-registration-page'));
const PeoplePage = lazy(() => import('@/pages/people-page'));
const PersonPage = lazy(() => import('@/pages/person-page'));
const SecretariatPage = lazy(() => import('@/pages/secretariat-page'));
const StatisticsPage = lazy(() => import('@/pages/statistics-page'));
const NotificationsPage = lazy(() => import('@/pages/notifications-page'));
const SettingsPage = lazy(() => import('@/pages/settings-page'));
const ProfilePage = lazy(() => import('@/pages/profile-page'));
const AdminPage = lazy(() => import('@/pages/admin-page'));
const MeetingsPage = lazy(() => import('@/pages/meetings-page'));
const MeetingPage = lazy(() => import('@/pages/meeting-page'));
const NewMeetingPage = lazy(() => import('@/pages/new-meeting-page'));
const ActionItemsPage = lazy(() => import('@/pages/action-items-page'));
const ActivitiesPage = lazy(() => import('@/pages/activities-page'));
const ActivityPage = lazy(() => import('@/pages/activity-page'));
const NewActivityPage = lazy(() => import('@/pages/new-activity-page'));
const RepatriationOperationsPage = lazy(() => import('@/pages/repatriation-operations-page'));
const RepatriationOperationPage = lazy(() => import('@/pages/repatriation-operation-page'));
const ReintegrationPlanPage = lazy(() => import('@/pages/reintegration-plan-page'));
const MilestoneLinkPage = lazy(() =>
  import('@/pages/repatriation-link-pages').then((module) => ({ default: module.MilestoneLinkPage })),
);
const FollowUpLinkPage = lazy(() =>
  import('@/pages/repatriation-link-pages').then((module) => ({ default: module.FollowUpLinkPage })),
);

export function App() {
  return (
    <MantineProvider theme={theme} withCssVariables={false} withGlobalClasses={false}>
      <BrowserRouter>
        <Root />
      </BrowserRouter>
    </MantineProvider>
  );
}

function Root() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [ended, setEnded] = useState(false);
  const [chosen, setChosen] = useState<Locale | null>(() => storedLocale());
  const sessionRef = useRef<Session | null | undefined>(undefined);
  sessionRef.current = session;
  const navigate = useNavigate();
  const location = useLocation();

  useEffect(() => {
    currentSession()
      .then((answer) => {
        setEnded(answer.ended);
        setSession(answer.session);
      })
      .catch(() => setSession(null));
  }, []);

  const locale: Locale = chosen ?? (session?.user.locale === 'EN' ? 'EN' : 'ID');
  useEffect(() => {
    document.documentElement.lang = locale === 'ID' ? 'id' : 'en';
  }, [locale]);

  const expired = useCallback(() => {
    if (!sessionRef.current) return;
    setSession(null);
    const next = `${window.location.pathname}${window.location.search}`;
    navigate(`/sign-in?expired=1&next=${encodeURIComponent(next)}`, { replace: true });
  }, [navigate]);

  // A new client per session: nothing one user's cache held is shown to the next user of a shared computer.
  const client = useMemo(
    () => createGraphqlClient(() => sessionRef.current?.csrfToken, expired),
    [session?.user.id, session?.csrfToken],
  );

  const setLocale = useCallback((value: Locale) => {
    storeLocale(value);
    setChosen(value);
  }, []);

  const state: SessionState | null = useMemo(
    () =>
      session
        ? {
            session,
            setSession,
            locale,
            setLocale,
            signOut: async () => {
              await endSession();
              // A full page load: nothing the last user saw stays in memory for the next one on a shared computer.
              window.location.replace('/sign-in?signedOut=1');
            },
          }
        : null,
    [session, locale, setLocale, navigate],
  );

  if (session === undefined) {
    return (
      <I18nProvider locale={locale}>
        <Loading />
      </I18nProvider>
    );
  }

  if (!state) {
    const next = `${location.pathname}${location.search}`;
    return (
      <I18nProvider locale={locale}>
        <Routes>
          <Route
            path="/sign-in"
            element={<SignInPage onSignedIn={setSession} locale={locale} setLocale={setLocale} />}
          />
          <Route
            path="*"
            element={
              <Navigate
                to={`/sign-in?${ended ? 'expired=1&' : ''}${location.pathname === '/' ? '' : `next=${encodeURIComponent(next)}`}`}
                replace
              />
            }
          />
        </Routes>
      </I18nProvider>
    );
  }

  return (
    <I18nProvider locale={locale}>
      <SessionContext.Provider value={state}>
        <UrqlProvider value={client}>
          <Layout>
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route path="/" element={<Navigate to={homePath(state.session)} replace />} />
                <Route path="/sign-in" element={<AfterSignIn />} />
                <Route path="/work-queue" element={<WorkQueuePage />} />
                <Route path="/tasks/new" element={<NewTaskPage />} />
                <Route path="/tasks/:id" element={<TaskPage />} />
                <Route path="/cross-border-requests" element={<CrossBorderListPage />} />
                <Route path="/cross-border-requests/:id" element={<CrossBorderRequestPage />} />
                <Route path="/cross-border/:id" element={<CrossBorderRequestPage />} />
                <Route path="/referrals" element={<ReferralsPage />} />
                <Route path="/referrals/:id" element={<ReferralPage />} />
                <Route path="/cases" element={<CasesPage />} />
                <Route path="/cases/:id" element={<CasePage />} />
                <Route path="/cases/:id/register-group" element={<GroupRegistrationPage />} />
                <Route path="/people" element={<PeoplePage />} />
                <Route path="/people/:id" element={<PersonPage />} />
                <Route path="/secretariat" element={<SecretariatPage />} />
                <Route path="/statistics" element={<StatisticsPage />} />
                <Route path="/meetings" element={<MeetingsPage />} />
                <Route path="/meetings/new" element={<NewMeetingPage />} />
                <Route path="/meetings/action-items" element={<ActionItemsPage />} />
                <Route path="/meetings/:id" element={<MeetingPage />} />
                <Route path="/activities" element={<ActivitiesPage />} />
                <Route path="/activities/new" element={<NewActivityPage />} />
                <Route path="/activities/:id" element={<ActivityPage />} />
                <Route path="/repatriation-operations" element={<RepatriationOperationsPage />} />
                <Route path="/repatriation-operations/:id" element={<RepatriationOperationPage />} />
                <Route path="/repatriation-milestones/:id" element={<MilestoneLinkPage />} />
                <Route path="/reintegration-plans/:id" element={<ReintegrationPlanPage />} />
                <Route path="/follow-up-contacts/:id" element={<FollowUpLinkPage />} />
                <Route path="/secretariat/exports/:exportId" element={<SecretariatPage />} />
                <Route path="/notifications" element={<NotificationsPage />} />
                <Route path="/settings" element={<Navigate to="/settings/notifications" replace />} />
                <Route path="/settings/notifications" element={<SettingsPage />} />
                <Route path="/settings/digest" element={<SettingsPage />} />
                <Route path="/settings/profile" element={<ProfilePage />} />
                <Route path="/admin" element={<AdminPage />} />
                <Route path="*" element={<NotAvailable />} />
              </Routes>
            </Suspense>
          </Layout>
        </UrqlProvider>
      </SessionContext.Provider>
    </I18nProvider>
  );
}

/** Signed in with /sign-in still in the address bar: go where the link pointed (same site only), else home. */
function AfterSignIn() {
  const location = useLocation();
  const next = new URLSearchParams(location.search).get('next');
  return <Navigate to={safeNext(next) ?? '/'} replace />;
}

export function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
}
