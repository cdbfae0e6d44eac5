/**
 * `/c/:slug/write`: write a post or (`?kind=question&to=<core member>`) ask
 * the core. Markdown with a live preview rendered by the server (the same
 * sanitised HTML the post page shows); members-only unless said otherwise;
 * an optional public teaser for the public page.
 */
import { useEffect, useState } from 'react';
import { App, Button, Form, Input, Radio, Select, Tabs, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, showFieldErrors } from '../../app/api.js';
import { useMe } from '../../app/session.js';
import { ErrorState, Loading, Page, useErrorText } from '../../app/states.js';
import { path, useHome } from '../communities/api.js';
import type { PostInput } from './api.js';

const FIELDS = ['title', 'body', 'visibility', 'teaser', 'tags', 'askedTo'] as const;

export function ComposePage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const [params] = useSearchParams();
  const question = params.get('kind') === 'question';
  const home = useHome(slug);
  const me = useMe();
  const [form] = Form.useForm<PostInput>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [tab, setTab] = useState('write');
  const [html, setHtml] = useState('');
  const body = Form.useWatch('body', form) ?? '';

  useEffect(() => {
    if (tab !== 'preview') return;
    let live = true;
    void api<{ html: string }>('POST', `${path(slug)}/posts/preview`, { body }).then((r) => live && setHtml(r.html));
    return () => {
      live = false;
    };
  }, [tab, body, slug]);

  const send = useMutation({
    mutationFn: (v: PostInput) => api<{ id: string }>('POST', `${path(slug)}/posts`, { ...v, kind: question ? 'question' : 'post', tags: v.tags ?? [] }),
    onSuccess: (r) => navigate(`/c/${slug}/posts/${r.id}`),
    onError: (err) => {
      if (!showFieldErrors(form, err, FIELDS)) void message.error(errorText(err));
    },
  });

  if (home.isLoading) return <Loading />;
  if (home.error || !home.data) return <ErrorState error={home.error} />;
  const askable = home.data.core.filter((p) => p.userId !== me.data?.id);
  return (
    <Page>
      <Link to={`/c/${slug}/home`}>{t('content-ui:nav.back')}</Link>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        {question ? t('content-ui:compose.askTitle') : t('content-ui:compose.title')}
      </Typography.Title>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ visibility: 'members', askedTo: params.get('to') ?? 'core' }}
        onFinish={(v) => send.mutate(v)}
        requiredMark={false}
      >
        {question && (
          <Form.Item name="askedTo" label={t('content-ui:compose.askedTo')}>
            <Select
              data-testid="asked-to"
              options={[{ value: 'core', label: t('content-ui:question.theCore') }, ...askable.map((p) => ({ value: p.userId, label: p.displayName }))]}
            />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('content-ui:compose.titleLabel')}>
          <Input maxLength={120} placeholder={t('content-ui:compose.titleHint')} data-testid="post-title" />
        </Form.Item>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'write',
              label: t('content-ui:compose.write'),
              children: (
                <Form.Item name="body" rules={[{ required: true, whitespace: true, message: t('content-ui:compose.bodyRequired') }]} extra={t('content-ui:compose.markdownHint')}>
                  <Input.TextArea autoSize={{ minRows: 6, maxRows: 20 }} maxLength={20000} placeholder={t('content-ui:compose.bodyHint')} data-testid="post-body" />
                </Form.Item>
              ),
            },
            {
              key: 'preview',
              label: t('content-ui:compose.preview'),
              children: <div className="post-html" data-testid="post-preview" style={{ minHeight: 120 }} dangerouslySetInnerHTML={{ __html: html }} />,
            },
          ]}
        />
        {!question && (
          <Form.Item name="tags" label={t('content-ui:compose.tags')}>
            <Select mode="tags" maxCount={5} tokenSeparators={[',', '，', ' ']} placeholder={t('content-ui:compose.tagsHint')} />
          </Form.Item>
        )}
        <Form.Item name="visibility" label={t('content-ui:compose.visibility')}>
          <Radio.Group>
            <Radio.Button value="members">{t('content-ui:visibility.members')}</Radio.Button>
            <Radio.Button value="core">{t('content-ui:visibility.core')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        {!question && (
          <Form.Item name="teaser" label={t('content-ui:compose.teaser')} extra={t('content-ui:compose.teaserHelp')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={300} data-testid="post-teaser" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" size="large" block loading={send.isPending} data-testid="post-submit">
          {question ? t('content-ui:compose.ask') : t('content-ui:compose.publish')}
        </Button>
      </Form>
    </Page>
  );
}
