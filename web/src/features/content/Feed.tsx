/**
 * The feed on the member home: pinned posts apart on top, then everything the
 * member may read, newest or most active first; views for 精华, questions,
 * bookmarks and (for the core) overdue questions; a tag narrows it.
 */
import { useRef, useState } from 'react';
import { Button, Empty, Input, Segmented, Space, Tag, Typography } from 'antd';
import { EditOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorState, Loading } from '../../app/states.js';
import { useFeed, type FeedFilter } from './api.js';
import { PostCard } from './PostCard.js';

export function Feed({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<FeedFilter>({ sort: 'new', view: 'all' });
  const q = useFeed(slug, filter);
  const pages = q.data?.pages ?? [];
  // The server says whether the viewer may see overdue questions; keep the last answer while another view loads.
  const canSeeOverdue = useRef(false);
  if (pages[0]) canSeeOverdue.current = pages[0].permissions.canSeeOverdue;
  const views: FeedFilter['view'][] = ['all', 'essence', 'questions', 'bookmarked', ...(canSeeOverdue.current ? (['overdue'] as const) : [])];
  const posts = pages.flatMap((p) => p.posts);
  const pinned = pages[0]?.pinned ?? [];
  return (
    <section style={{ marginTop: 12 }} data-testid="feed">
      <Space.Compact style={{ width: '100%', marginBottom: 8 }}>
        <Input.Search
          placeholder={t('content-ui:search.placeholder')}
          enterButton
          aria-label={t('content-ui:search.title')}
          data-testid="search-input"
          onSearch={(v) => v.trim() && navigate(`/c/${slug}/search?q=${encodeURIComponent(v.trim())}`)}
        />
      </Space.Compact>
      <div style={{ display: 'flex', gap: 8, marginBottom: 8 }}>
        <Link to={`/c/${slug}/write`} style={{ flex: 1 }}>
          <Button type="primary" icon={<EditOutlined />} block size="large" data-testid="write-post">
            {t('content-ui:feed.write')}
          </Button>
        </Link>
        <Link to={`/c/${slug}/write?kind=question`} style={{ flex: 1 }}>
          <Button icon={<QuestionCircleOutlined />} block size="large" data-testid="ask-question">
            {t('content-ui:feed.ask')}
          </Button>
        </Link>
      </div>
      <div style={{ overflowX: 'auto', marginBottom: 8 }}>
        <Segmented
          value={filter.view}
          onChange={(v) => setFilter({ ...filter, view: v as FeedFilter['view'] })}
          options={views.map((v) => ({ value: v, label: t(`content-ui:feed.view.${v}`) }))}
        />
      </div>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8, gap: 8 }}>
        <Segmented
          size="small"
          value={filter.sort}
          onChange={(v) => setFilter({ ...filter, sort: v as FeedFilter['sort'] })}
          options={[
            { value: 'new', label: t('content-ui:feed.sort.new') },
            { value: 'active', label: t('content-ui:feed.sort.active') },
          ]}
        />
        {filter.tag && (
          <Tag closable onClose={() => setFilter({ ...filter, tag: undefined })}>
            #{filter.tag}
          </Tag>
        )}
      </div>
      {q.isLoading ? (
        <Loading />
      ) : q.error ? (
        <ErrorState error={q.error} retry={() => void q.refetch()} />
      ) : (
        <>
          {pinned.length > 0 && (
            <div style={{ marginBottom: 8 }} data-testid="pinned">
              <Typography.Text type="secondary">{t('content-ui:feed.pinned')}</Typography.Text>
              {pinned.map((p) => (
                <PostCard key={p.id} slug={slug} post={p} onTag={(tag) => setFilter({ ...filter, tag })} />
              ))}
            </div>
          )}
          {posts.length === 0 && pinned.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('content-ui:feed.empty')} />
          ) : (
            posts.map((p) => <PostCard key={p.id} slug={slug} post={p} onTag={(tag) => setFilter({ ...filter, tag })} />)
          )}
          {q.hasNextPage && (
            <Button block onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
              {t('content-ui:feed.more')}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
