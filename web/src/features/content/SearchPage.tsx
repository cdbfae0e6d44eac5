/** `/c/:slug/search?q=`: posts and replies the member may read, 繁/简-insensitive. */
import { Empty, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ErrorState, Loading, Page } from '../../app/states.js';
import { useSearch } from './api.js';
import { PostCard } from './PostCard.js';

export function SearchPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const text = params.get('q') ?? '';
  const q = useSearch(slug, text);
  return (
    <Page>
      <Link to={`/c/${slug}/home`}>{t('content-ui:nav.back')}</Link>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        {t('content-ui:search.title')}
      </Typography.Title>
      <Input.Search
        defaultValue={text}
        enterButton
        size="large"
        placeholder={t('content-ui:search.placeholder')}
        data-testid="search-input"
        onSearch={(v) => setParams(v.trim() ? { q: v.trim() } : {})}
        style={{ marginBottom: 12 }}
      />
      {q.isLoading ? (
        <Loading />
      ) : q.error ? (
        <ErrorState error={q.error} />
      ) : q.data && q.data.results.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('content-ui:search.none', { q: text })} />
      ) : (
        <div data-testid="search-results">
          {q.data?.results.map((r) => (
            <div key={r.id}>
              <PostCard slug={slug} post={r} />
              {r.matchedReplyId && (
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: -6, marginBottom: 8 }}>
                  {t('content-ui:search.inReply')}
                </Typography.Text>
              )}
            </div>
          ))}
        </div>
      )}
    </Page>
  );
}
