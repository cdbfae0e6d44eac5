/** `/`: what Shequn is (signed out), or my communities and "create" (signed in). */
import { Button, Card, Col, Empty, Row, Space, Tag, Typography } from 'antd';
import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMe } from '../../app/session.js';
import { ErrorState, Loading, Page } from '../../app/states.js';
import { useMyCommunities } from './api.js';

export function StartPage() {
  const me = useMe();
  if (me.isLoading) return <Loading />;
  if (me.error) return <ErrorState error={me.error} retry={() => void me.refetch()} />;
  return me.data ? <MyCommunities /> : <Welcome />;
}

function Welcome() {
  const { t } = useTranslation();
  const conditions = ['need', 'value', 'core'] as const;
  return (
    <Page>
      <div style={{ padding: '24px 0 8px' }}>
        <Typography.Title style={{ marginTop: 0 }}>{t('communities-ui:welcome.title')}</Typography.Title>
        <Typography.Paragraph style={{ fontSize: 16 }}>{t('communities-ui:welcome.lead')}</Typography.Paragraph>
      </div>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {conditions.map((c, i) => (
          <Card key={c} size="small">
            <Typography.Text strong>
              {i + 1}. {t(`communities-ui:welcome.${c}.title`)}
            </Typography.Text>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              {t(`communities-ui:welcome.${c}.text`)}
            </Typography.Paragraph>
          </Card>
        ))}
      </Space>
      <Space orientation="vertical" size={12} style={{ width: '100%', marginTop: 24 }}>
        <Link to="/signup">
          <Button type="primary" size="large" block>
            {t('communities-ui:welcome.signUp')}
          </Button>
        </Link>
        <Link to="/signin">
          <Button size="large" block>
            {t('common:nav.signIn')}
          </Button>
        </Link>
      </Space>
    </Page>
  );
}

function MyCommunities() {
  const { t } = useTranslation();
  const list = useMyCommunities(true);
  return (
    <Page>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
        <Typography.Title level={2} style={{ margin: '8px 0' }}>
          {t('communities-ui:mine.title')}
        </Typography.Title>
        <Link to="/new">
          <Button type="primary" size="large" icon={<PlusOutlined />}>
            {t('common:nav.newCommunity')}
          </Button>
        </Link>
      </div>
      {list.isLoading && <Loading />}
      {list.error && <ErrorState error={list.error} retry={() => void list.refetch()} />}
      {list.data && list.data.communities.length === 0 && (
        <Empty description={t('communities-ui:mine.empty')} style={{ marginTop: 32 }}>
          <Link to="/new">
            <Button type="primary" size="large">
              {t('communities-ui:mine.createFirst')}
            </Button>
          </Link>
        </Empty>
      )}
      <Row gutter={[12, 12]} style={{ marginTop: 8 }}>
        {list.data?.communities.map(({ community, viewer, permissions, memberCount }) => (
          <Col xs={24} key={community.slug}>
            <Card
              title={<Link to={`/c/${community.slug}/home`}>{community.name}</Link>}
              extra={viewer && <Tag>{viewer.state === 'member' ? t(`communities-ui:role.${viewer.role}`) : t(`communities-ui:state.${viewer.state}`)}</Tag>}
            >
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 12 }}>
                {community.sharedNeed}
              </Typography.Paragraph>
              <Space wrap>
                <Typography.Text type="secondary">
                  <TeamOutlined /> {t('communities-ui:memberCount', { n: memberCount })}
                </Typography.Text>
                <Link to={`/c/${community.slug}`}>{t('communities-ui:nav.publicPage')}</Link>
                {viewer?.state === 'member' && <Link to={`/c/${community.slug}/home`}>{t('communities-ui:nav.memberHome')}</Link>}
                {permissions.canOpenConsole && <Link to={`/c/${community.slug}/console`}>{t('communities-ui:nav.console')}</Link>}
              </Space>
            </Card>
          </Col>
        ))}
      </Row>
    </Page>
  );
}
