/**
 * `/c/:slug/posts/:id`: a post and its thread. Replies show one level deep
 * (a reply to a reply sits under the top-level one, naming who it answers),
 * as 知识星球 and Discourse readers expect. The asker accepts an answer; those
 * allowed mark 精华, pin, lock or hide (hiding asks for a reason).
 */
import { useState } from 'react';
import { App, Button, Card, Dropdown, Input, Modal, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, MoreOutlined, StarFilled, StarOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../app/api.js';
import { ErrorState, Loading, Page, useErrorText } from '../../app/states.js';
import { NoticesBell } from '../members/notices.js';
import { postPath, REACTIONS, usePost, usePostWrite, useReplies, type PostPage as PostData, type ReplyItem } from './api.js';
import { PostLabels } from './PostCard.js';

export function PostPage() {
  const { t } = useTranslation();
  const { slug = '', id = '' } = useParams();
  const q = usePost(slug, id);
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  const { post, can } = q.data;
  return (
    <Page>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Link to={`/c/${slug}/home`}>{t('content-ui:nav.back')}</Link>
        <Space>
          <NoticesBell slug={slug} />
          {(can.essence || can.moderate) && <ModerateMenu slug={slug} data={q.data} />}
        </Space>
      </div>
      <article style={{ marginTop: 8 }} data-testid="post">
        <PostLabels post={post} />
        {post.title && (
          <Typography.Title level={1} style={{ fontSize: 22, margin: '6px 0' }} data-testid="post-title">
            {post.title}
          </Typography.Title>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {post.question
            ? t('content-ui:question.askedBy', { name: post.author.displayName, to: post.question.askedUser?.displayName ?? t('content-ui:question.theCore') })
            : post.author.displayName}
          {' · '}
          {new Date(post.createdAt).toLocaleString(t('common:dateLocale'))}
        </Typography.Text>
        {post.hidden && <Typography.Paragraph type="danger">{t('content-ui:moderate.hiddenBecause', { reason: post.hiddenReason ?? '' })}</Typography.Paragraph>}
        <div className="post-html" style={{ fontSize: 16, lineHeight: 1.7, marginTop: 8, overflowWrap: 'anywhere' }} data-testid="post-body" dangerouslySetInnerHTML={{ __html: post.html }} />
        <Space wrap style={{ marginTop: 8 }}>
          {post.tags.map((tag) => (
            <Tag key={tag}>#{tag}</Tag>
          ))}
        </Space>
        <PostActions slug={slug} data={q.data} />
      </article>
      <Thread slug={slug} data={q.data} />
    </Page>
  );
}

function PostActions({ slug, data }: { slug: string; data: PostData }) {
  const { t } = useTranslation();
  const { post } = data;
  const react = usePostWrite(slug, post.id, (v: { reaction: string; on: boolean }) => api('POST', `${postPath(slug, post.id)}/reactions`, v));
  const keep = usePostWrite(slug, post.id, (on: boolean) => api('POST', `${postPath(slug, post.id)}/bookmark`, { on }));
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginTop: 8 }}>
      <Reactions counts={post.reactions} onToggle={(reaction, on) => react.mutate({ reaction, on })} />
      <Button size="small" icon={post.bookmarked ? <StarFilled /> : <StarOutlined />} onClick={() => keep.mutate(!post.bookmarked)} data-testid="bookmark">
        {post.bookmarked ? t('content-ui:post.bookmarked') : t('content-ui:post.bookmark')}
      </Button>
    </div>
  );
}

function Reactions({ counts, onToggle }: { counts: { reaction: string; count: number; mine: boolean }[]; onToggle: (reaction: string, on: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <>
      {REACTIONS.map((r) => {
        const c = counts.find((x) => x.reaction === r);
        return (
          <Button key={r} size="small" type={c?.mine ? 'primary' : 'default'} ghost={c?.mine} onClick={() => onToggle(r, !c?.mine)}>
            {t(`content-ui:reaction.${r}`)} {c?.count ? c.count : ''}
          </Button>
        );
      })}
    </>
  );
}

function ModerateMenu({ slug, data }: { slug: string; data: PostData }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { post, can } = data;
  const [hiding, setHiding] = useState(false);
  const [reason, setReason] = useState('');
  const act = usePostWrite(slug, post.id, (v: { action: string; reason?: string }) => api('POST', `${postPath(slug, post.id)}/moderate`, v));
  const run = (action: string, why?: string) =>
    act.mutate({ action, reason: why }, { onSuccess: () => void message.success(t('content-ui:moderate.done')), onError: (e) => void message.error(errorText(e)) });
  const items = [
    ...(can.essence ? [{ key: post.essence ? 'unessence' : 'essence', label: t(post.essence ? 'content-ui:moderate.unessence' : 'content-ui:moderate.essence') }] : []),
    ...(can.moderate
      ? [
          { key: post.pinned ? 'unpin' : 'pin', label: t(post.pinned ? 'content-ui:moderate.unpin' : 'content-ui:moderate.pin') },
          { key: post.locked ? 'unlock' : 'lock', label: t(post.locked ? 'content-ui:moderate.unlock' : 'content-ui:moderate.lock') },
          { key: post.hidden ? 'unhide' : 'hide', label: t(post.hidden ? 'content-ui:moderate.unhide' : 'content-ui:moderate.hide'), danger: !post.hidden },
        ]
      : []),
  ];
  return (
    <>
      <Dropdown menu={{ items, onClick: ({ key }) => (key === 'hide' ? setHiding(true) : run(key)) }} trigger={['click']}>
        <Button icon={<MoreOutlined />} aria-label={t('content-ui:moderate.menu')} data-testid="moderate" />
      </Dropdown>
      <Modal
        open={hiding}
        title={t('content-ui:moderate.hideTitle')}
        okButtonProps={{ disabled: !reason.trim(), danger: true }}
        onOk={() => {
          run('hide', reason.trim());
          setHiding(false);
        }}
        onCancel={() => setHiding(false)}
      >
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} placeholder={t('content-ui:moderate.reasonHint')} />
      </Modal>
    </>
  );
}

function Thread({ slug, data }: { slug: string; data: PostData }) {
  const { t } = useTranslation();
  const { post, can } = data;
  const q = useReplies(slug, post.id);
  const [answering, setAnswering] = useState<ReplyItem | null>(null);
  const replies = q.data?.replies ?? [];
  return (
    <section style={{ marginTop: 16 }} data-testid="thread">
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('content-ui:post.replies', { count: post.replyCount })}
      </Typography.Title>
      {q.isLoading && <Loading />}
      {replies.map((r) => (
        <Card key={r.id} size="small" style={{ marginBottom: 8 }} data-testid="reply">
          <ReplyBody slug={slug} data={data} reply={r} onAnswer={() => setAnswering(r)} />
          {r.children.length > 0 && (
            <div style={{ borderInlineStart: '3px solid #e6efe9', paddingInlineStart: 10, marginTop: 8 }}>
              {r.children.map((c) => (
                <div key={c.id} style={{ marginTop: 6 }} data-testid="child-reply">
                  <ReplyBody slug={slug} data={data} reply={c} onAnswer={() => setAnswering(r)} />
                </div>
              ))}
            </div>
          )}
        </Card>
      ))}
      {can.reply ? (
        <ReplyBox slug={slug} postId={post.id} parent={answering} onDone={() => setAnswering(null)} />
      ) : (
        <Typography.Text type="secondary">{t('content-ui:post.lockedNote')}</Typography.Text>
      )}
    </section>
  );
}

function ReplyBody({ slug, data, reply, onAnswer }: { slug: string; data: PostData; reply: ReplyItem | ReplyItem['children'][number]; onAnswer: () => void }) {
  const { t } = useTranslation();
  const { post, can } = data;
  const accepted = post.question?.acceptedReplyId === reply.id;
  const accept = usePostWrite(slug, post.id, () => api('POST', `${postPath(slug, post.id)}/accept`, { replyId: reply.id }));
  const react = usePostWrite(slug, post.id, (v: { reaction: string; on: boolean }) => api('POST', `${postPath(slug, post.id)}/reactions`, { ...v, replyId: reply.id }));
  return (
    <div>
      <Typography.Text strong>{reply.author.displayName}</Typography.Text>
      {reply.replyTo && reply.parentId && <Typography.Text type="secondary"> ▸ {reply.replyTo.displayName}</Typography.Text>}
      {accepted && (
        <Tag color="green" icon={<CheckCircleOutlined />} style={{ marginInlineStart: 6 }} data-testid="accepted">
          {t('content-ui:question.acceptedAnswer')}
        </Tag>
      )}
      <div className="post-html" style={{ overflowWrap: 'anywhere' }} dangerouslySetInnerHTML={{ __html: reply.html }} />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, alignItems: 'center' }}>
        <Reactions counts={reply.reactions} onToggle={(reaction, on) => react.mutate({ reaction, on })} />
        {can.reply && (
          <Button size="small" type="link" onClick={onAnswer}>
            {t('content-ui:post.replyTo')}
          </Button>
        )}
        {can.accept && !accepted && post.question?.state !== 'accepted' && reply.author.id !== post.author.id && (
          <Button size="small" onClick={() => accept.mutate(undefined)} loading={accept.isPending} data-testid="accept">
            {t('content-ui:question.accept')}
          </Button>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {new Date(reply.createdAt).toLocaleString(t('common:dateLocale'))}
        </Typography.Text>
      </div>
    </div>
  );
}

function ReplyBox({ slug, postId, parent, onDone }: { slug: string; postId: string; parent: ReplyItem | null; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [body, setBody] = useState('');
  const send = usePostWrite(slug, postId, (v: { body: string; parentId: string | null }) => api('POST', `${postPath(slug, postId)}/replies`, v));
  return (
    <div style={{ marginTop: 8 }}>
      {parent && (
        <Tag closable onClose={onDone} style={{ marginBottom: 4 }}>
          {t('content-ui:post.replyingTo', { name: parent.author.displayName })}
        </Tag>
      )}
      <Input.TextArea value={body} onChange={(e) => setBody(e.target.value)} autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} placeholder={t('content-ui:post.replyHint')} data-testid="reply-body" />
      <Button
        type="primary"
        style={{ marginTop: 6 }}
        block
        disabled={!body.trim()}
        loading={send.isPending}
        data-testid="reply-submit"
        onClick={() =>
          send.mutate(
            { body, parentId: parent?.id ?? null },
            {
              onSuccess: () => {
                setBody('');
                onDone();
              },
              onError: (e) => void message.error(errorText(e)),
            },
          )
        }
      >
        {t('content-ui:post.send')}
      </Button>
    </div>
  );
}
