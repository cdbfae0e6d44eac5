/** Providers (query cache, antd theme + locale) and the route table. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US.js';
import zhCN from 'antd/es/locale/zh_CN.js';
import zhTW from 'antd/es/locale/zh_TW.js';
import { lazy, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { ApiError } from './api.js';
import { Layout } from './Layout.js';
import { NotFound } from './states.js';
/** Pages load on first visit: a visitor on a phone does not download the operator console. */
function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return lazy(async () => {
    try {
      const page = { default: (await load())[name] as ComponentType };
      sessionStorage.removeItem(RELOADED);
      return page;
    } catch (err) {
      // After an upgrade the old page asks for chunks that no longer exist: one fresh load fixes it.
      if (sessionStorage.getItem(RELOADED)) throw err;
      sessionStorage.setItem(RELOADED, '1');
      window.location.reload();
      return new Promise<never>(() => undefined);
    }
  });
}
const RELOADED = 'shequn_reloaded_for_chunks';

const SignInPage = lazyPage(() => import('../features/accounts/SignInPage.js'), 'SignInPage');
const SignUpPage = lazyPage(() => import('../features/accounts/SignUpPage.js'), 'SignUpPage');
const ForgotPage = lazyPage(() => import('../features/accounts/ForgotPage.js'), 'ForgotPage');
const ResetPage = lazyPage(() => import('../features/accounts/ResetPage.js'), 'ResetPage');
const StartPage = lazyPage(() => import('../features/communities/StartPage.js'), 'StartPage');
const NewCommunityPage = lazyPage(() => import('../features/communities/NewCommunityPage.js'), 'NewCommunityPage');
const PublicPage = lazyPage(() => import('../features/communities/PublicPage.js'), 'PublicPage');
const MemberHomePage = lazyPage(() => import('../features/communities/MemberHomePage.js'), 'MemberHomePage');
const ConsoleLayout = lazyPage(() => import('../features/communities/console/ConsoleLayout.js'), 'ConsoleLayout');
const HealthPage = lazyPage(() => import('../features/health/HealthPage.js'), 'HealthPage');
const CharterTab = lazyPage(() => import('../features/communities/console/CharterTab.js'), 'CharterTab');
const MembersTab = lazyPage(() => import('../features/communities/console/MembersTab.js'), 'MembersTab');
const ActivityTab = lazyPage(() => import('../features/communities/console/ActivityTab.js'), 'ActivityTab');
const PruningConsole = lazyPage(() => import('../features/pruning/PruningConsole.js'), 'PruningConsole');
const StatusPage = lazyPage(() => import('../features/pruning/StatusPage.js'), 'StatusPage');
const ApplyPage = lazyPage(() => import('../features/gate/ApplyPage.js'), 'ApplyPage');
const ApplicationStatusPage = lazyPage(() => import('../features/gate/StatusPage.js'), 'StatusPage');
const GateConsole = lazyPage(() => import('../features/gate/console/GateConsole.js'), 'GateConsole');
const OnboardingPage = lazyPage(() => import('../features/members/OnboardingPage.js'), 'OnboardingPage');
const ProfilePage = lazyPage(() => import('../features/members/ProfilePage.js'), 'ProfilePage');
const ComposePage = lazyPage(() => import('../features/content/ComposePage.js'), 'ComposePage');
const PostPage = lazyPage(() => import('../features/content/PostPage.js'), 'PostPage');
const SearchPage = lazyPage(() => import('../features/content/SearchPage.js'), 'SearchPage');
const CoreConsole = lazyPage(() => import('../features/content/CoreConsole.js'), 'CoreConsole');
const ActivitiesPage = lazyPage(() => import('../features/activities/ActivitiesPage.js'), 'ActivitiesPage');
const ChallengePage = lazyPage(() => import('../features/activities/ChallengePage.js'), 'ChallengePage');
const EventsPage = lazyPage(() => import('../features/activities/EventsPage.js'), 'EventsPage');
const EventPage = lazyPage(() => import('../features/activities/EventPage.js'), 'EventPage');
const HostCheckinPage = lazyPage(() => import('../features/activities/HostCheckinPage.js'), 'HostCheckinPage');

const ANTD_LOCALES = { 'zh-Hans': zhCN, 'zh-Hant': zhTW, en: enUS } as const;

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // 4xx answers are decisions (not signed in, not a member, no such page): do not retry them
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

export function App() {
  const { i18n } = useTranslation();
  const locale = ANTD_LOCALES[i18n.language as keyof typeof ANTD_LOCALES] ?? enUS;
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={locale} theme={{ token: { colorPrimary: '#1f6f5c', colorLink: '#1f6f5c', borderRadius: 8 } }}>
        <AntApp>
          <BrowserRouter>
            <Routes>
              <Route element={<Layout />}>
                <Route index element={<StartPage />} />
                <Route path="signin" element={<SignInPage />} />
                <Route path="signup" element={<SignUpPage />} />
                <Route path="forgot" element={<ForgotPage />} />
                <Route path="reset/:token" element={<ResetPage />} />
                <Route path="new" element={<NewCommunityPage />} />
                <Route path="c/:slug" element={<PublicPage />} />
                <Route path="c/:slug/home" element={<MemberHomePage />} />
                <Route path="c/:slug/standing" element={<StatusPage />} />
                <Route path="c/:slug/apply" element={<ApplyPage />} />
                <Route path="c/:slug/join/:code" element={<ApplyPage />} />
                <Route path="c/:slug/status" element={<ApplicationStatusPage />} />
                <Route path="c/:slug/welcome" element={<OnboardingPage />} />
                <Route path="c/:slug/m/:userId" element={<ProfilePage />} />
                <Route path="c/:slug/write" element={<ComposePage />} />
                <Route path="c/:slug/posts/:id" element={<PostPage />} />
                <Route path="c/:slug/search" element={<SearchPage />} />
                <Route path="c/:slug/activities" element={<ActivitiesPage />} />
                <Route path="c/:slug/challenges/:id" element={<ChallengePage />} />
                <Route path="c/:slug/events" element={<EventsPage />} />
                <Route path="c/:slug/events/:id" element={<EventPage />} />
                <Route path="c/:slug/events/:id/checkin" element={<HostCheckinPage />} />
                <Route path="c/:slug/console" element={<ConsoleLayout />}>
                  <Route index element={<HealthPage />} />
                  <Route path="charter" element={<CharterTab />} />
                  <Route path="members" element={<MembersTab />} />
                  <Route path="activity" element={<ActivityTab />} />
                  <Route path="pruning" element={<PruningConsole />} />
                  <Route path="gate" element={<GateConsole />} />
                  <Route path="core" element={<CoreConsole />} />
                </Route>
                <Route path="*" element={<NotFound />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
