/**
 * Import a chat export (upload → progress bar while the server reads it →
 * what was added and skipped), and link the chat's authors to members.
 */
import { useEffect, useState } from 'react';
import { App, Button, Card, Progress, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.js';
import { useErrorText } from '../../app/states.js';
import { path, type MemberList } from '../communities/api.js';
import { healthPath, uploadExport, useIdentities, useImport, type IdentityView } from './api.js';

export function ImportPanel({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [importId, setImportId] = useState<string | null>(null);
  const run = useImport(slug, importId);
  const job = run.data;
  const share = job && job.bytesTotal > 0 ? Math.floor((100 * job.bytesRead) / job.bytesTotal) : 0;
  const finished = job && job.state !== 'running' ? job.id : null;
  // Once an import ends, its authors and its effect on the diagnosis are read again.
  useEffect(() => {
    if (!finished) return;
    void qc.invalidateQueries({ queryKey: ['community', slug, 'identities'] });
    void qc.invalidateQueries({ queryKey: ['community', slug, 'health'] });
  }, [finished, qc, slug]);

  return (
    <Card title={t('health-ui:import.title')} style={{ marginTop: 24 }}>
      <Typography.Paragraph type="secondary">{t('health-ui:import.intro')}</Typography.Paragraph>
      <Upload
        showUploadList={false}
        beforeUpload={(file) => {
          uploadExport(slug, file).then(
            (started) => setImportId(started.id),
            (err: unknown) => void message.error(errorText(err)),
          );
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} type="primary">
          {t('health-ui:import.choose')}
        </Button>
      </Upload>
      {job && (
        <div style={{ marginTop: 16 }} data-testid="import-progress">
          <Typography.Text>{job.fileName}</Typography.Text>
          <Progress percent={job.state === 'done' ? 100 : share} status={job.state === 'failed' ? 'exception' : job.state === 'running' ? 'active' : 'success'} />
          {job.state === 'done' && <Typography.Text type="success">{t('health-ui:import.done', { added: job.added, skipped: job.skipped })}</Typography.Text>}
          {job.state === 'failed' && <Typography.Text type="danger">{t('health-ui:import.failed', { error: job.error ?? '' })}</Typography.Text>}
        </div>
      )}
      <Identities slug={slug} />
    </Card>
  );
}

function Identities({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const q = useIdentities(slug);
  const rows = q.data?.identities ?? [];
  if (rows.length === 0) return null;
  const unmatched = rows.filter((r) => r.status === 'unmatched').length;
  return (
    <div style={{ marginTop: 24 }}>
      <Typography.Title level={5}>{t('health-ui:identities.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('health-ui:identities.intro', { count: unmatched })}</Typography.Paragraph>
      <Table<IdentityView>
        rowKey={(r) => `${r.carrier}:${r.externalId}`}
        dataSource={rows}
        size="small"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 640 }}
        columns={[
          { title: t('health-ui:identities.author'), key: 'author', render: (_, r) => <span data-testid={`author-${r.externalId}`}>{r.displayName}</span> },
          { title: t('health-ui:identities.carrier'), dataIndex: 'carrier', width: 100 },
          { title: t('health-ui:identities.messages'), dataIndex: 'messages', width: 90 },
          {
            title: t('health-ui:identities.status'),
            key: 'status',
            width: 140,
            render: (_, r) => <Tag color={r.status === 'linked' ? 'green' : r.status === 'outsider' ? 'default' : 'gold'}>{r.member?.displayName ?? t(`health-ui:identities.${r.status}`)}</Tag>,
          },
          { title: '', key: 'link', render: (_, r) => <LinkControls slug={slug} row={r} /> },
        ]}
      />
    </div>
  );
}

function LinkControls({ slug, row }: { slug: string; row: IdentityView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [search, setSearch] = useState('');
  const members = useQuery({
    queryKey: ['community', slug, 'members', 'pick', search],
    queryFn: () => api<MemberList>('GET', `${path(slug)}/members?state=member&limit=20${search ? `&q=${encodeURIComponent(search)}` : ''}`),
  });
  async function link(body: object) {
    try {
      await api('POST', `${healthPath(slug)}/identities/link`, { carrier: row.carrier, externalId: row.externalId, ...body });
      await qc.invalidateQueries({ queryKey: ['community', slug, 'identities'] });
      await qc.invalidateQueries({ queryKey: ['community', slug, 'health'] });
      void message.success(t('health-ui:identities.saved'));
    } catch (err) {
      void message.error(errorText(err));
    }
  }
  return (
    <Space wrap>
      <Select
        showSearch={{ filterOption: false, onSearch: setSearch }}
        placeholder={t('health-ui:identities.linkTo')}
        aria-label={t('health-ui:identities.linkTo')}
        style={{ width: 200 }}
        value={row.member?.id}
        onChange={(userId: string) => void link({ userId })}
        options={(members.data?.members ?? []).map((m) => ({ value: m.userId, label: m.displayName }))}
      />
      {row.status !== 'outsider' && <Button onClick={() => void link({ outsider: true })}>{t('health-ui:identities.keepOutsider')}</Button>}
      {row.status !== 'unmatched' && <Button onClick={() => void link({ unlink: true })}>{t('health-ui:identities.unlink')}</Button>}
    </Space>
  );
}
