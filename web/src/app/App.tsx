/** Providers (query cache, antd theme + locale) and the route table. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US.js';
import zhCN from 'antd/es/locale/zh_CN.js';
import zhTW from 'antd/es/locale/zh_TW.js';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { ApiError } from './api.js';
import { Layout } from './Layout.js';
import { NotFound } from './states.js';
import { SignInPage } from '../features/accounts/SignInPage.js';
import { SignUpPage } from '../features/accounts/SignUpPage.js';
import { ForgotPage } from '../features/accounts/ForgotPage.js';
import { ResetPage } from '../features/accounts/ResetPage.js';
import { StartPage } from '../features/communities/StartPage.js';
import { NewCommunityPage } from '../features/communities/NewCommunityPage.js';
import { PublicPage } from '../features/communities/PublicPage.js';
import { MemberHomePage } from '../features/communities/MemberHomePage.js';
import { ConsoleLayout } from '../features/communities/console/ConsoleLayout.js';
import { CharterTab } from '../features/communities/console/CharterTab.js';
import { MembersTab } from '../features/communities/console/MembersTab.js';
import { ActivityTab } from '../features/communities/console/ActivityTab.js';
import { PruningConsole } from '../features/pruning/PruningConsole.js';
import { StatusPage } from '../features/pruning/StatusPage.js';
import { ApplyPage } from '../features/gate/ApplyPage.js';
import { StatusPage as ApplicationStatusPage } from '../features/gate/StatusPage.js';
import { GateConsole } from '../features/gate/console/GateConsole.js';
import { OnboardingPage } from '../features/members/OnboardingPage.js';
import { ProfilePage } from '../features/members/ProfilePage.js';

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
                <Route path="c/:slug/console" element={<ConsoleLayout />}>
                  <Route index element={<CharterTab />} />
                  <Route path="members" element={<MembersTab />} />
                  <Route path="activity" element={<ActivityTab />} />
                  <Route path="pruning" element={<PruningConsole />} />
                  <Route path="gate" element={<GateConsole />} />
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
