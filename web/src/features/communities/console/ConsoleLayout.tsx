/** `/c/:slug/console`: the operator's desk (desktop): charter, members, activity, for owners and admins. */
import { Button, Grid, Layout, Menu, Result, Typography } from 'antd';
import { FileTextOutlined, HistoryOutlined, ScissorOutlined, TeamOutlined, LoginOutlined } from '@ant-design/icons';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate, useOutletContext, useParams } from 'react-router-dom';
import { ErrorState, Loading } from '../../../app/states.js';
import { useHome, type HomeView } from '../api.js';

export interface ConsoleContext {
  slug: string;
  home: HomeView;
}

export function useConsole() {
  return useOutletContext<ConsoleContext>();
}

export function ConsoleLayout() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const q = useHome(slug);
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  if (!q.data.permissions.canOpenConsole) {
    return (
      <Result
        status="403"
        title={t('common:state.forbiddenTitle')}
        subTitle={t('communities-ui:console.notOperator')}
        extra={
          <Link to={`/c/${slug}/home`}>
            <Button type="primary">{t('communities-ui:nav.memberHome')}</Button>
          </Link>
        }
      />
    );
  }
  const base = `/c/${slug}/console`;
  const selected = (['members', 'activity', 'pruning', 'gate'] as const).find((k) => location.pathname.endsWith(`/${k}`)) ?? 'charter';
  const wide = screens.md !== false;
  return (
    <Layout style={{ minHeight: 'calc(100vh - 64px)' }}>
      <Layout.Sider width={208} theme="light" breakpoint="md" collapsedWidth={0} style={{ borderRight: '1px solid #eee' }} zeroWidthTriggerStyle={{ top: 8 }}>
        <div style={{ padding: '16px 16px 8px' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('communities-ui:nav.console')}
          </Typography.Text>
          <Typography.Title level={5} style={{ margin: 0 }} ellipsis>
            <Link to={`/c/${slug}/home`}>{q.data.community.name}</Link>
          </Typography.Title>
        </div>
        <Menu
          mode="inline"
          selectedKeys={[selected]}
          style={{ borderInlineEnd: 'none' }}
          onClick={({ key }) => navigate(key === 'charter' ? base : `${base}/${key}`)}
          items={[
            { key: 'charter', icon: <FileTextOutlined />, label: t('communities-ui:console.charter') },
            { key: 'members', icon: <TeamOutlined />, label: t('communities-ui:console.members') },
            { key: 'activity', icon: <HistoryOutlined />, label: t('communities-ui:console.activity') },
            { key: 'pruning', icon: <ScissorOutlined />, label: t('pruning-ui:nav') },
            { key: 'gate', icon: <LoginOutlined />, label: t('gate-ui:nav.gate') },
          ]}
        />
      </Layout.Sider>
      {/* narrow screens: the side menu folds away; leave room for its toggle */}
      <Layout.Content style={{ padding: wide ? '16px 24px 48px' : '16px 12px 48px 52px', background: '#fff' }}>
        <Suspense fallback={<Loading />}>
          <Outlet context={{ slug, home: q.data } satisfies ConsoleContext} />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
