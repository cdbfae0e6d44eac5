/**
 * Evidence beside decisions about members: for the members on screen, when
 * each last took part and where, their introduction, the people they brought
 * who stayed, and what they contributed (GET …/members/evidence). The members
 * table shows it in columns; making someone 骨干 shows it first.
 */
import { Descriptions, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { MemberEvidence } from '../../../../src/features/members/evidence.js';
import { api } from '../../app/api.js';

export type { MemberEvidence };

export function useEvidence(slug: string, userIds: string[]) {
  const ids = [...userIds].sort().join(',');
  const q = useQuery({
    queryKey: ['community', slug, 'evidence', ids],
    enabled: ids.length > 0,
    queryFn: () => api<{ evidence: MemberEvidence[] }>('GET', `/api/communities/${encodeURIComponent(slug)}/members/evidence?ids=${encodeURIComponent(ids)}`),
  });
  return new Map((q.data?.evidence ?? []).map((e) => [e.userId, e]));
}

const INTRO_COLOR = { done: 'green', due: 'blue', overdue: 'orange', none: undefined } as const;

function lastActive(t: TFunction, e: MemberEvidence | undefined) {
  if (!e) return '—';
  if (!e.lastActive) return <Typography.Text type="secondary">{t('communities-ui:evidence.never')}</Typography.Text>;
  const source = e.lastActive.source.kind === 'shequn' ? 'Shequn' : e.lastActive.source.label;
  return t('communities-ui:evidence.lastActiveAt', { date: new Date(e.lastActive.at).toLocaleDateString(t('common:dateLocale')), source });
}

const intro = (t: TFunction, e: MemberEvidence | undefined) => (e ? <Tag color={INTRO_COLOR[e.introduction.status]}>{t(`communities-ui:evidence.intro.${e.introduction.status}`)}</Tag> : '—');
const invites = (t: TFunction, e: MemberEvidence | undefined) => (e ? t('communities-ui:evidence.invitesStayed', e.invites) : '—');
const contributions = (t: TFunction, e: MemberEvidence | undefined) => (e ? t('communities-ui:evidence.contributions', e.contributions) : '—');

/** The evidence as table columns, for any row that has a userId. */
export function evidenceColumns<R extends { userId: string }>(t: TFunction, evidence: Map<string, MemberEvidence>): ColumnType<R>[] {
  return [
    { title: t('communities-ui:evidence.lastActive'), key: 'lastActive', render: (_, r) => lastActive(t, evidence.get(r.userId)) },
    { title: t('communities-ui:evidence.introduction'), key: 'introduction', render: (_, r) => intro(t, evidence.get(r.userId)) },
    { title: t('communities-ui:evidence.invites'), key: 'invites', render: (_, r) => invites(t, evidence.get(r.userId)) },
    { title: t('communities-ui:evidence.contributed'), key: 'contributions', render: (_, r) => contributions(t, evidence.get(r.userId)) },
  ];
}

/** One member's evidence as a list, shown before a decision about them. */
export function EvidenceList({ evidence }: { evidence: MemberEvidence | undefined }) {
  const { t } = useTranslation();
  return (
    <Descriptions column={1} size="small" bordered data-testid="member-evidence">
      <Descriptions.Item label={t('communities-ui:evidence.lastActive')}>{lastActive(t, evidence)}</Descriptions.Item>
      <Descriptions.Item label={t('communities-ui:evidence.introduction')}>{intro(t, evidence)}</Descriptions.Item>
      <Descriptions.Item label={t('communities-ui:evidence.invites')}>{invites(t, evidence)}</Descriptions.Item>
      <Descriptions.Item label={t('communities-ui:evidence.contributed')}>{contributions(t, evidence)}</Descriptions.Item>
    </Descriptions>
  );
}
