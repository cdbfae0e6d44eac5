/** A post in a list (feed, search, pinned): title or first line, its labels, who wrote it, how much talk. */
import { Card, Space, Tag, Typography } from 'antd';
import { MessageOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PostSummary } from './api.js';

export function PostLabels({ post }: { post: PostSummary }) {
  const { t } = useTranslation();
  const any = post.pinned || post.essence || post.origin === 'link' || post.visibility !== 'members' || post.question || post.locked || post.hidden || post.teaser !== null;
  if (!any) return null;
  return (
    <Space size={[4, 4]} wrap>
      {post.pinned && <Tag color="blue">{t('content-ui:label.pinned')}</Tag>}
      {post.essence && (
        <Tag color="gold" data-testid="essence-tag">
          {t('content-ui:label.essence')}
        </Tag>
      )}
      {post.origin === 'link' && <Tag data-testid="shared-tag">{t('content-ui:label.shared')}</Tag>}
      {post.visibility !== 'members' && <Tag color="purple">{t(`content-ui:visibility.${post.visibility}`)}</Tag>}
      {post.question && (
        <Tag color={post.question.overdue ? 'red' : post.question.state === 'open' ? 'orange' : 'green'} data-testid="question-state">
          {post.question.overdue ? t('content-ui:question.overdue') : t(`content-ui:question.${post.question.state}`)}
        </Tag>
      )}
      {post.locked && <Tag>{t('content-ui:label.locked')}</Tag>}
      {post.hidden && <Tag color="red">{t('content-ui:label.hidden')}</Tag>}
      {post.teaser !== null && <Tag color="cyan">{t('content-ui:label.teased')}</Tag>}
    </Space>
  );
}

export function PostCard({ slug, post, onTag }: { slug: string; post: PostSummary; onTag?: (tag: string) => void }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid="post-card">
      <Link to={`/c/${slug}/posts/${post.id}`} style={{ color: 'inherit', display: 'block' }}>
        <PostLabels post={post} />
        <Typography.Text strong style={{ display: 'block', fontSize: 16, marginTop: 4 }}>
          {post.title ?? post.excerpt}
        </Typography.Text>
        {post.title && (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0' }}>
            {post.excerpt}
          </Typography.Paragraph>
        )}
      </Link>
      <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 4, marginTop: 6 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {post.question
            ? t('content-ui:question.askedBy', { name: post.author.displayName, to: post.question.askedUser?.displayName ?? t('content-ui:question.theCore') })
            : post.author.displayName}
          {' · '}
          <time dateTime={post.createdAt}>{new Date(post.createdAt).toLocaleDateString(t('common:dateLocale'))}</time>
        </Typography.Text>
        <Space size={4}>
          {post.tags.map((tag) => (
            <Tag key={tag} style={{ cursor: onTag ? 'pointer' : undefined, marginInlineEnd: 0 }} onClick={() => onTag?.(tag)}>
              #{tag}
            </Tag>
          ))}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <MessageOutlined /> {post.replyCount}
          </Typography.Text>
        </Space>
      </div>
    </Card>
  );
}
