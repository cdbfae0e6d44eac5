/** `/c/:slug/home`: a member's home — the charter, how the community is doing, its core, what just happened. */
import { Avatar, Button, Card, Col, Empty, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../app/api.js';
import { useOlderPages } from '../../app/paging.js';
import { ErrorState, LoadMore, Loading, Page } from '../../app/states.js';
import { NoticesBell } from '../members/notices.js';
import { StandingBanner } from '../pruning/StandingBanner.js';
import { path, useHome, type ActivityItem } from './api.js';
import { useMe } from '../../app/session.js';
import { Feed } from '../content/Feed.js';
import { ActivityLine } from './activity.js';
import { CharterSections, TypeTag } from './CharterView.js';

export function MemberHomePage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const q = useHome(slug);
  const me = useMe();
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) {
    return (
      <>
        {/* A removed member lands here from old links: show their standing and the appeal first. */}
        <Page>
          <StandingBanner slug={slug} />
        </Page>
        <ErrorState error={q.error} retry={() => void q.refetch()} />
        <div style={{ textAlign: 'center' }}>
          <Link to={`/c/${slug}`}>{t('communities-ui:nav.publicPage')}</Link>
        </div>
      </>
    );
  }
  const { community, viewer, permissions, stats, core, recent, recentCursor } = q.data;
  return (
    <Page>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 8, margin: '8px 0 12px' }}>
        <div>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 26 }} data-testid="community-name">
            {community.name}
          </Typography.Title>
          <Space wrap style={{ marginTop: 4 }}>
            <TypeTag type={community.type} />
            {viewer && <Tag>{t(`communities-ui:role.${viewer.role}`)}</Tag>}
            <Link to={`/c/${slug}`}>{t('communities-ui:nav.publicPage')}</Link>
            <Link to={`/c/${slug}/standing`}>{t('gate-ui:status.standing')}</Link>
            <Link to={`/c/${slug}/activities`}>{t('activities-ui:nav.activities')}</Link>
          </Space>
        </div>
        <Space>
          <NoticesBell slug={slug} />
          {permissions.canOpenConsole && (
            <Link to={`/c/${slug}/console`}>
              <Button icon={<SettingOutlined />} size="large">
                {t('communities-ui:nav.console')}
              </Button>
            </Link>
          )}
        </Space>
      </div>
      <StandingBanner slug={slug} />
      <Feed slug={slug} />
      <Row gutter={[8, 8]} style={{ margin: '12px 0' }}>
        <Col span={8}>
          <Card size="small">
            <Statistic title={t('communities-ui:home.members')} value={stats.members} />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic title={t('communities-ui:home.core')} value={stats.core} />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic title={t('communities-ui:home.joined30d')} value={stats.joinedLast30d} />
          </Card>
        </Col>
      </Row>
      <CharterSections {...community} />
      <Card size="small" title={t('communities-ui:home.coreTitle')} style={{ marginTop: 12 }}>
        <Typography.Paragraph type="secondary">{t('communities-ui:home.coreWhy')}</Typography.Paragraph>
        {core.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('communities-ui:home.noCore')} />
        ) : (
          <List
            dataSource={core}
            rowKey="userId"
            renderItem={(p) => (
              <List.Item
                actions={
                  p.userId === me.data?.id
                    ? []
                    : [
                        <Link key="ask" to={`/c/${slug}/write?kind=question&to=${p.userId}`} data-testid="ask-core-member">
                          {t('content-ui:feed.askOne')}
                        </Link>,
                      ]
                }
              >
                <List.Item.Meta avatar={<Avatar style={{ background: '#1f6f5c' }}>{p.displayName.slice(0, 1)}</Avatar>} title={p.displayName} description={t(`communities-ui:role.${p.role}`)} />
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title={t('communities-ui:home.recent')} style={{ marginTop: 12 }}>
        {recent.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('communities-ui:home.noRecent')} />
        ) : (
          <RecentFeed slug={slug} first={recent} cursor={recentCursor} />
        )}
      </Card>
    </Page>
  );
}

/** The home's feed: the first page comes with the home, older pages on request. */
function RecentFeed({ slug, first, cursor }: { slug: string; first: ActivityItem[]; cursor: string | null }) {
  const older = useOlderPages(['community', slug, 'home-feed'], cursor, (c) =>
    api<{ events: ActivityItem[]; nextCursor: string | null }>('GET', `${path(slug)}/home/feed?cursor=${encodeURIComponent(c)}`).then((r) => ({ items: r.events, nextCursor: r.nextCursor })),
  );
  return (
    <>
      <List dataSource={[...first, ...older.items]} rowKey="id" renderItem={(item) => <List.Item><ActivityLine item={item} /></List.Item>} />
      <LoadMore query={older.more} />
    </>
  );
}
