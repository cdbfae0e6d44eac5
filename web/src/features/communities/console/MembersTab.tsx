/**
 * Console → members: search, change a role, remove with a reason (the reason goes to the activity log).
 * Which controls a row shows comes from the row's permissions, decided by the server's policy.
 */
import { useState } from 'react';
import { App, Button, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../../app/ResponsiveTable.js';
import { keepPreviousData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../../../src/features/communities/rules.js';
import { api } from '../../../app/api.js';
import { ErrorState, LoadMore, useErrorText } from '../../../app/states.js';
import { path, type MemberList, type MemberRow, type Role } from '../api.js';
import { useConsole } from './ConsoleLayout.js';
import { EvidenceList, evidenceColumns, useEvidence } from '../../members/evidence.js';
import { Link } from 'react-router-dom';

const PAGE = 20;
const ROLE_COLOR: Record<Role, string | undefined> = { owner: 'gold', admin: 'blue', core: 'green', member: undefined };

export function MembersTab() {
  const { t } = useTranslation();
  const { slug } = useConsole();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const [removing, setRemoving] = useState<MemberRow | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  // Making someone 骨干 waits here until the operator has seen their evidence.
  const [promoting, setPromoting] = useState<MemberRow | null>(null);

  const params = new URLSearchParams({ state: 'member', limit: String(PAGE) });
  if (q) params.set('q', q);
  if (role) params.set('role', role);
  // Keyset pages: each answer carries the cursor of the next; the total comes with the first.
  const list = useInfiniteQuery({
    queryKey: ['community', slug, 'members', params.toString()],
    initialPageParam: '',
    queryFn: ({ pageParam }) => api<MemberList>('GET', `${path(slug)}/members?${params}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const members = list.data?.pages.flatMap((p) => p.members) ?? [];
  const total = list.data?.pages[0]?.total;

  const evidence = useEvidence(slug, members.map((m) => m.userId));

  async function refresh() {
    await qc.invalidateQueries({ queryKey: ['community', slug] });
  }

  async function changeRole(m: MemberRow, to: Role) {
    try {
      await api('PATCH', `${path(slug)}/members/${encodeURIComponent(m.userId)}`, { role: to });
      void message.success(t('communities-ui:members.roleChanged', { name: m.displayName, role: t(`communities-ui:role.${to}`) }));
      await refresh();
    } catch (err) {
      void message.error(errorText(err));
    }
  }

  async function remove() {
    if (!removing) return;
    setBusy(true);
    try {
      await api('POST', `${path(slug)}/members/${encodeURIComponent(removing.userId)}/remove`, reason.trim() ? { reason: reason.trim() } : {});
      void message.success(t('communities-ui:members.removed', { name: removing.displayName }));
      setRemoving(null);
      setReason('');
      await refresh();
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  if (list.error) return <ErrorState error={list.error} retry={() => void list.refetch()} />;
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('communities-ui:console.members')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('communities-ui:members.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('communities-ui:members.search')}
          aria-label={t('communities-ui:members.search')}
          onSearch={(v) => setQ(v.trim())}
          style={{ width: 260 }}
        />
        <Select<Role>
          allowClear
          placeholder={t('communities-ui:members.filterRole')}
          aria-label={t('communities-ui:members.filterRole')}
          style={{ width: 160 }}
          value={role}
          onChange={setRole}
          options={ROLES.map((r) => ({ value: r, label: t(`communities-ui:role.${r}`) }))}
        />
      </Space>
      <ResponsiveTable<MemberRow>
        rowKey="userId"
        loading={list.isFetching && !list.isFetchingNextPage}
        dataSource={members}
        locale={{ emptyText: t('communities-ui:members.empty') }}
        scroll={{ x: 1100 }}
        pagination={false}
        footer={total != null ? () => t('communities-ui:members.total', { n: total }) : undefined}
        columns={[
          {
            title: t('communities-ui:members.name'),
            dataIndex: 'displayName',
            render: (v: string, m) => (
              <Link to={`/c/${slug}/m/${encodeURIComponent(m.userId)}`}>
                <Typography.Text strong>{v}</Typography.Text>
              </Link>
            ),
          },
          { title: t('communities-ui:members.email'), dataIndex: 'email' },
          {
            title: t('communities-ui:members.role'),
            dataIndex: 'role',
            width: 170,
            render: (r: Role, m) =>
              m.permissions.canChangeRole ? (
                <Select<Role>
                  value={r}
                  style={{ width: 140 }}
                  aria-label={t('communities-ui:members.roleOf', { name: m.displayName })}
                  onChange={(to) => (to === 'core' ? setPromoting(m) : void changeRole(m, to))}
                  options={m.permissions.grantableRoles.map((x) => ({ value: x, label: t(`communities-ui:role.${x}`) }))}
                />
              ) : (
                <Tag color={ROLE_COLOR[r]}>{t(`communities-ui:role.${r}`)}</Tag>
              ),
          },
          {
            title: t('communities-ui:members.joinedAt'),
            dataIndex: 'joinedAt',
            render: (v: string | null) => (v ? new Date(v).toLocaleDateString(t('common:dateLocale')) : '—'),
          },
          ...evidenceColumns<MemberRow>(t, evidence),
          {
            title: t('communities-ui:members.actions'),
            key: 'actions',
            render: (_, m) =>
              m.permissions.canRemove && (
                <Button danger size="small" onClick={() => setRemoving(m)}>
                  {t('communities-ui:members.remove')}
                </Button>
              ),
          },
        ]}
      />
      <LoadMore query={list} />
      <Modal
        open={promoting !== null}
        title={t('communities-ui:evidence.coreTitle', { name: promoting?.displayName ?? '' })}
        okText={t('communities-ui:evidence.coreConfirm')}
        cancelText={t('common:action.cancel')}
        onOk={() => {
          if (promoting) void changeRole(promoting, 'core');
          setPromoting(null);
        }}
        onCancel={() => setPromoting(null)}
      >
        <Typography.Paragraph>{t('communities-ui:evidence.coreExplain')}</Typography.Paragraph>
        <EvidenceList evidence={promoting ? evidence.get(promoting.userId) : undefined} />
      </Modal>
      <Modal
        open={removing !== null}
        title={t('communities-ui:members.removeTitle', { name: removing?.displayName ?? '' })}
        okText={t('communities-ui:members.removeConfirm')}
        okButtonProps={{ danger: true, loading: busy }}
        cancelText={t('common:action.cancel')}
        onOk={() => void remove()}
        onCancel={() => {
          setRemoving(null);
          setReason('');
        }}
      >
        <Typography.Paragraph>{t('communities-ui:members.removeExplain')}</Typography.Paragraph>
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          showCount
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder={t('communities-ui:members.reasonPlaceholder')}
          aria-label={t('communities-ui:members.reason')}
        />
      </Modal>
    </>
  );
}
