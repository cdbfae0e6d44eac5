/** A member's timeline on their profile, for the operators: what they did and what was done to them, newest first. */
import { Button, Card, Empty, List } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TimelineItem } from '../../../../src/features/members/timeline.js';
import { api, ApiError } from '../../app/api.js';
import { ErrorState } from '../../app/states.js';
import { ActivityLine } from '../communities/activity.js';
import type { ActivityItem } from '../communities/api.js';

export function MemberTimeline({ slug, userId }: { slug: string; userId: string }) {
  const { t } = useTranslation();
  const q = useInfiniteQuery({
    queryKey: ['community', slug, 'timeline', userId],
    initialPageParam: '',
    retry: false,
    queryFn: ({ pageParam }) =>
      api<{ events: TimelineItem[]; next: string | null }>('GET', `/api/communities/${encodeURIComponent(slug)}/members/${encodeURIComponent(userId)}/timeline${pageParam ? `?before=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  // Members who are not operators may read the profile, not the timeline: nothing to show them.
  if (q.error) return q.error instanceof ApiError && q.error.status === 403 ? null : <ErrorState error={q.error} retry={() => void q.refetch()} />;
  const events = (q.data?.pages.flatMap((p) => p.events) ?? []) as ActivityItem[];
  return (
    <Card size="small" title={t('communities-ui:evidence.timeline')} style={{ marginTop: 16 }} data-testid="member-timeline">
      <List
        loading={q.isLoading}
        dataSource={events}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('communities-ui:activity.empty')} /> }}
        renderItem={(e) => (
          <List.Item key={e.id}>
            <ActivityLine item={e} />
          </List.Item>
        )}
      />
      {q.hasNextPage && (
        <Button block onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
          {t('communities-ui:activity.more')}
        </Button>
      )}
    </Card>
  );
}
