/** `/c/:slug`: what a visitor sees — the charter's public face, the teaser if any, and how to join. */
import { Alert, Button, Card, Space, Typography } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useMe } from '../../app/session.js';
import { ErrorState, Loading, Page } from '../../app/states.js';
import { usePublicCommunity, type Permissions, type Viewer } from './api.js';
import { CharterSections, TypeTag } from './CharterView.js';
import { NoticesBell } from '../members/notices.js';
import { StandingBanner } from '../pruning/StandingBanner.js';

export function PublicPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const q = usePublicCommunity(slug);
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  const { community, viewer, permissions } = q.data;
  return (
    <Page>
      <Space orientation="vertical" size={4} style={{ width: '100%', margin: '8px 0 16px' }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 8 }}>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 28 }} data-testid="community-name">
            {community.name}
          </Typography.Title>
          {viewer && <NoticesBell slug={slug} />}
        </div>
        <Space wrap>
          <TypeTag type={community.type} />
          <Typography.Text type="secondary">
            <TeamOutlined /> {t('communities-ui:memberCount', { n: community.memberCount })}
            {community.capacity !== null && ` · ${t('communities-ui:public.capacity', { n: community.capacity })}`}
          </Typography.Text>
        </Space>
      </Space>
      {community.teaser && (
        <Card size="small" title={t('communities-ui:public.teaser')} style={{ marginBottom: 12, background: '#f0f7f4' }}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0, fontSize: 15 }}>{community.teaser}</Typography.Paragraph>
        </Card>
      )}
      <CharterSections {...community} />
      <JoinBox slug={slug} viewer={viewer} permissions={permissions} />
    </Page>
  );
}

/** The call to action depends on who is looking: member, applicant, signed-in visitor, or anonymous. */
function JoinBox({ slug, viewer, permissions }: { slug: string; viewer: Viewer | null; permissions: Permissions }) {
  const { t } = useTranslation();
  const me = useMe();
  const box = { marginTop: 16 };
  if (viewer?.state === 'member') {
    return (
      <Space orientation="vertical" style={{ width: '100%', ...box }}>
        <Link to={`/c/${slug}/home`}>
          <Button type="primary" size="large" block>
            {t('communities-ui:nav.memberHome')}
          </Button>
        </Link>
        {permissions.canOpenConsole && (
          <Link to={`/c/${slug}/console`}>
            <Button size="large" block>
              {t('communities-ui:nav.console')}
            </Button>
          </Link>
        )}
      </Space>
    );
  }
  const status = <Link to={`/c/${slug}/status`}>{t('gate-ui:nav.myStatus')}</Link>;
  if (viewer?.state === 'applicant') return <Alert style={box} type="info" showIcon title={t('communities-ui:public.applied')} description={status} />;
  // A removed member sees their standing and the appeal, not an invitation to apply.
  if (viewer?.state === 'removed') return <StandingBanner slug={slug} />;
  if (viewer?.state === 'banned') return <Alert style={box} type="warning" showIcon title={t('communities-ui:public.banned')} />;
  return (
    <Card style={box} data-testid="apply-box">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('communities-ui:public.applyTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('communities-ui:public.applySoon')}</Typography.Paragraph>
      {!me.data && (
        <Link to={`/signin?next=${encodeURIComponent(`/c/${slug}`)}`}>
          <Button type="primary" size="large" block>
            {t('communities-ui:public.signInToApply')}
          </Button>
        </Link>
      )}
      {viewer?.state === 'rejected' && <Typography.Paragraph>{status}</Typography.Paragraph>}
      {me.data && (
        <Link to={`/c/${slug}/apply`}>
          <Button type="primary" size="large" block data-testid="apply-link">
            {t('communities-ui:public.apply')}
          </Button>
        </Link>
      )}
    </Card>
  );
}
