/**
 * Screening rules, evaluated top to bottom: the first whose conditions all hold
 * decides. Edited as JSON (the shape is shown in the help), with a preview
 * against past applications before saving.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Input, Space, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../app/api.js';
import { ErrorState, Loading, useErrorText } from '../../../app/states.js';
import { path } from '../../communities/api.js';
import { useConsole } from '../../communities/console/ConsoleLayout.js';
import { useConfig, useSaveConfig, type Preview, type ScreeningRule } from '../api.js';

const EXAMPLE = [
  { id: 'vouched', name: 'Vouched by a member', conditions: [{ on: 'referral', op: 'vouched' }], outcome: 'approve' },
  { id: 'ads', name: 'Advertising', conditions: [{ on: 'answer', questionId: 'why', op: 'contains', value: '加微信' }], outcome: 'reject', reason: '本群不接受广告。' },
];

export function RulesTab() {
  const { t } = useTranslation();
  const { slug } = useConsole();
  const q = useConfig(slug);
  const save = useSaveConfig(slug);
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorState error={q.error} />;
  const value = text ?? JSON.stringify(q.data.rules, null, 2);

  function parse(): ScreeningRule[] | null {
    try {
      const rules = JSON.parse(value) as ScreeningRule[];
      setProblem(null);
      return rules;
    } catch (err) {
      setProblem(t('gate-ui:rules.notJson', { error: (err as Error).message }));
      return null;
    }
  }
  const describe = (err: unknown) => (err instanceof ApiError && err.fields.length ? err.fields.map((f) => `${f.path}: ${f.message}`).join('; ') : errorText(err));

  async function runPreview() {
    const rules = parse();
    if (!rules) return;
    try {
      setPreview(await api<Preview>('POST', `${path(slug)}/gate/rules/preview`, { rules }));
    } catch (err) {
      setProblem(describe(err));
    }
  }
  async function onSave() {
    const rules = parse();
    if (!rules) return;
    try {
      await save.mutateAsync({ rules });
      setText(null);
      void message.success(t('gate-ui:rules.saved'));
    } catch (err) {
      setProblem(describe(err));
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 900 }}>
      <Typography.Paragraph type="secondary">{t('gate-ui:rules.help')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('gate-ui:rules.shape')}
      </Typography.Paragraph>
      <Input.TextArea value={value} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 12, maxRows: 30 }} style={{ fontFamily: 'monospace' }} aria-label={t('gate-ui:console.rules')} />
      {problem && <Alert type="error" showIcon title={problem} />}
      <Space>
        <Button onClick={() => void runPreview()}>{t('gate-ui:rules.preview')}</Button>
        <Button type="primary" onClick={() => void onSave()} loading={save.isPending}>
          {t('gate-ui:rules.save')}
        </Button>
        <Button type="link" onClick={() => setText(JSON.stringify(EXAMPLE, null, 2))}>
          {t('gate-ui:rules.example')}
        </Button>
      </Space>
      {preview && (
        <Card size="small" title={t('gate-ui:rules.previewTitle', { n: preview.total })}>
          <Space size={32}>
            <Statistic title={t('gate-ui:outcome.approve')} value={preview.counts.approve} />
            <Statistic title={t('gate-ui:outcome.reject')} value={preview.counts.reject} />
            <Statistic title={t('gate-ui:outcome.review')} value={preview.counts.review} />
          </Space>
          <Table
            size="small"
            rowKey="ruleId"
            pagination={false}
            style={{ marginTop: 12 }}
            dataSource={preview.byRule}
            columns={[
              { title: t('gate-ui:rules.rule'), dataIndex: 'name' },
              { title: t('gate-ui:rules.matched'), dataIndex: 'matched' },
            ]}
          />
          <Typography.Paragraph style={{ marginTop: 12 }}>{t('gate-ui:rules.changed', { n: preview.changed.length })}</Typography.Paragraph>
        </Card>
      )}
    </Space>
  );
}
