/** One activity event in words: who did what to whom, with the event name translated. */
import { Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ActivityItem } from './api.js';

export function eventName(t: TFunction, kind: string): string {
  return t(`communities-ui:event.${kind}`, { defaultValue: kind });
}

const CHARTER_FIELDS = new Set(['name', 'slug', 'type', 'sharedNeed', 'valuePromise', 'norms', 'entryCriteria', 'capacity', 'publicTeaser', 'teaser']);

/** The part of an event's data a reader cares about: roles changed, fields edited, a reason. */
export function eventDetail(t: TFunction, item: ActivityItem): string | null {
  const data = item.data ?? {};
  if (item.kind === 'member.role_changed' && typeof data.from === 'string' && typeof data.to === 'string') {
    return t('communities-ui:activity.roleChange', { from: t(`communities-ui:role.${data.from}`), to: t(`communities-ui:role.${data.to}`) });
  }
  if (item.kind === 'community.charter_updated' && Array.isArray(data.fields)) {
    const names = data.fields.filter((f): f is string => typeof f === 'string' && CHARTER_FIELDS.has(f)).map((f) => t(`communities-ui:charter.${f}.label`));
    return names.length ? t('communities-ui:activity.fieldsChanged', { fields: names.join(t('communities-ui:activity.listSeparator')) }) : null;
  }
  if (typeof data.reason === 'string' && data.reason) return t('communities-ui:activity.reason', { reason: data.reason });
  return null;
}

export function ActivityLine({ item }: { item: ActivityItem }) {
  const { t } = useTranslation();
  const detail = eventDetail(t, item);
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
      <Space size={6} wrap>
        <Tag color={kindColor(item.kind)}>{eventName(t, item.kind)}</Tag>
        <Typography.Text strong>{item.actor?.displayName ?? t('communities-ui:activity.system')}</Typography.Text>
        {item.target && item.target.id !== item.actor?.id && (
          <>
            <span aria-label={t('communities-ui:activity.towards')}>→</span>
            <Typography.Text strong>{item.target.displayName}</Typography.Text>
          </>
        )}
      </Space>
      {detail && <Typography.Text type="secondary">{detail}</Typography.Text>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <time dateTime={item.at}>{new Date(item.at).toLocaleString(t('common:dateLocale'))}</time>
      </Typography.Text>
    </Space>
  );
}

function kindColor(kind: string): string {
  if (kind.startsWith('community.')) return 'geekblue';
  if (kind === 'member.removed' || kind === 'member.banned' || kind === 'member.left' || kind === 'member.rejected') return 'volcano';
  if (kind.startsWith('member.')) return 'green';
  if (kind.startsWith('content.')) return 'cyan';
  if (kind.startsWith('activity.')) return 'gold';
  return 'default';
}
