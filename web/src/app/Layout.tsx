/** The frame of every page: brand, language switcher, account menu; the page below. */
import { Button, Dropdown, Grid, Layout as AntLayout, Select, Space, Typography } from 'antd';
import { GlobalOutlined, UserOutlined } from '@ant-design/icons';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { LANGS, currentLang, type Lang } from './i18n.js';
import { useMe, useSetLanguage, useSignOut } from './session.js';
import { Loading, PageErrorBoundary } from './states.js';

export function Layout() {
  const location = useLocation();
  const { t, i18n } = useTranslation();
  useEffect(() => {
    document.title = t('common:brand');
  }, [t, i18n.language]);
  return (
    <AntLayout style={{ minHeight: '100vh' }}>
      <AntLayout.Header style={headerStyle}>
        <Link to="/" style={{ color: '#fff', fontWeight: 600, fontSize: 18, whiteSpace: 'nowrap' }}>
          <Brand />
        </Link>
        <Space size={8} wrap={false}>
          <LanguageSwitcher />
          <AccountMenu />
        </Space>
      </AntLayout.Header>
      <AntLayout.Content>
        <PageErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </PageErrorBoundary>
      </AntLayout.Content>
    </AntLayout>
  );
}

const headerStyle = {
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'space-between',
  gap: 8,
  padding: '0 12px',
  background: '#1f6f5c',
  position: 'sticky' as const,
  top: 0,
  zIndex: 10,
};

function Brand() {
  const { t } = useTranslation();
  return <span>{t('common:brand')}</span>;
}

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const setLanguage = useSetLanguage();
  return (
    <Select<Lang>
      value={currentLang()}
      onChange={(lang) => void setLanguage(lang)}
      aria-label={t('common:language.label')}
      data-testid="language-switcher"
      suffixIcon={<GlobalOutlined />}
      popupMatchSelectWidth={false}
      style={{ minWidth: 112 }}
      options={LANGS.map((lang) => ({ value: lang, label: t(`common:language.${lang}`) }))}
    />
  );
}

function AccountMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  if (me.isLoading) return null;
  if (!me.data) {
    if (location.pathname === '/signin') return null;
    return (
      <Link to={`/signin?next=${encodeURIComponent(location.pathname)}`}>
        <Button ghost>{t('common:nav.signIn')}</Button>
      </Link>
    );
  }
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'home', label: t('common:nav.myCommunities') },
          { key: 'new', label: t('common:nav.newCommunity') },
          { type: 'divider' },
          { key: 'signout', label: t('common:nav.signOut') },
        ],
        onClick: ({ key }) => {
          if (key === 'home') navigate('/');
          if (key === 'new') navigate('/new');
          if (key === 'signout') void signOut().then(() => navigate('/'));
        },
      }}
    >
      {/* on a phone the name would push the header wider than the screen: icon only */}
      <Button ghost icon={<UserOutlined />} aria-label={t('common:nav.account')} title={me.data.displayName} data-testid="account-menu">
        {screens.sm && (
          <Typography.Text ellipsis style={{ color: '#fff', maxWidth: 120 }}>
            {me.data.displayName}
          </Typography.Text>
        )}
      </Button>
    </Dropdown>
  );
}
