/** The charter as a reader sees it: sections with the operator's own words, line breaks kept. */
import { Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CommunityType } from './api.js';

interface Props {
  type: CommunityType;
  sharedNeed: string;
  valuePromise: string;
  entryCriteria: string;
  norms: string;
}

export function CharterSections({ sharedNeed, valuePromise, entryCriteria, norms }: Props) {
  const { t } = useTranslation();
  const sections = [
    ['sharedNeed', sharedNeed],
    ['valuePromise', valuePromise],
    ['entryCriteria', entryCriteria],
    ['norms', norms],
  ] as const;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {sections.filter(([, text]) => text.trim()).map(([field, text]) => (
        <Card key={field} size="small" title={t(`communities-ui:charter.${field}.label`)} data-testid={`charter-${field}`}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0, fontSize: 15 }}>{text}</Typography.Paragraph>
        </Card>
      ))}
    </Space>
  );
}

export function TypeTag({ type }: { type: CommunityType }) {
  const { t } = useTranslation();
  return <Tag color="green">{t(`communities-ui:type.${type}.name`)}</Tag>;
}
