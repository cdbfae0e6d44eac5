/**
 * Screening rules, evaluated top to bottom: the first whose conditions all hold
 * decides. Built with forms (question, test, value), reordered with arrows, and
 * previewed against past applications before saving.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Statistic, Switch, Typography } from 'antd';
import { ResponsiveTable } from '../../../app/ResponsiveTable.js';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError, problemText } from '../../../app/api.js';
import { ErrorState, Loading, useErrorText } from '../../../app/states.js';
import { path } from '../../communities/api.js';
import { useConsole } from '../../communities/console/ConsoleLayout.js';
import { useConfig, useInvites, useSaveConfig, type ApplicationForm, type Preview, type ScreeningRule } from '../api.js';

const ANSWER_OPS = ['equals', 'not_equals', 'contains', 'not_contains', 'any_of', 'all_of', 'none_of', 'min_length', 'max_length', 'answered', 'unanswered'] as const;
const LIST_OPS = new Set(['any_of', 'all_of', 'none_of']);
const NUMBER_OPS = new Set(['min_length', 'max_length']);
const NO_VALUE = new Set(['answered', 'unanswered']);

type Draft = { rules: (Omit<ScreeningRule, 'conditions'> & { conditions: Record<string, unknown>[] })[] };

export function RulesTab() {
  const { t } = useTranslation();
  const { slug } = useConsole();
  const q = useConfig(slug);
  const invites = useInvites(slug);
  const save = useSaveConfig(slug);
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Draft>();
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorState error={q.error} />;
  const questions = q.data.form.questions;
  const channels = [...new Set(['direct', 'referral', ...(invites.data?.invites ?? []).flatMap((i) => (i.channel ? [i.channel] : []))])];

  const rules = (): ScreeningRule[] => clean(form.getFieldsValue(true) as Draft);
  const describe = (err: unknown) => (err instanceof ApiError && err.fields.length ? err.fields.map((f) => `${f.path}: ${problemText(f, err)}`).join('; ') : errorText(err));
  async function runPreview() {
    try {
      setProblem(null);
      setPreview(await api<Preview>('POST', `${path(slug)}/gate/rules/preview`, { rules: rules() }));
    } catch (err) {
      setProblem(describe(err));
    }
  }
  async function onSave() {
    try {
      setProblem(null);
      await save.mutateAsync({ rules: rules() });
      void message.success(t('gate-ui:rules.saved'));
    } catch (err) {
      setProblem(describe(err));
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 980 }}>
      <Typography.Paragraph type="secondary">{t('gate-ui:rules.help')}</Typography.Paragraph>
      <Form form={form} initialValues={{ rules: q.data.rules }} layout="vertical">
        <Form.List name="rules">
          {(fields, { add, remove, move }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((f, i) => (
                <Card
                  key={f.key}
                  size="small"
                  title={t('gate-ui:rules.numbered', { n: i + 1 })}
                  extra={
                    <Space size={0}>
                      <Button type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t('gate-ui:rules.moveUp')} />
                      <Button type="text" icon={<ArrowDownOutlined />} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} aria-label={t('gate-ui:rules.moveDown')} />
                      <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('gate-ui:form.remove')} />
                    </Space>
                  }
                >
                  <Space wrap align="start">
                    <Form.Item name={[f.name, 'name']} label={t('gate-ui:rules.name')} rules={[{ required: true, max: 120 }]}>
                      <Input style={{ width: 240 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'outcome']} label={t('gate-ui:rules.outcome')} rules={[{ required: true }]}>
                      <Select style={{ width: 140 }} options={(['approve', 'reject', 'review'] as const).map((o) => ({ value: o, label: t(`gate-ui:outcome.${o}`) }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'enabled']} label={t('gate-ui:rules.enabled')} valuePropName="checked">
                      <Switch />
                    </Form.Item>
                  </Space>
                  <Form.Item noStyle shouldUpdate>
                    {() =>
                      form.getFieldValue(['rules', f.name, 'outcome']) === 'reject' && (
                        <Form.Item name={[f.name, 'reason']} label={t('gate-ui:rules.reason')} rules={[{ required: true, max: 500 }]} extra={t('gate-ui:review.reasonHelp')}>
                          <Input />
                        </Form.Item>
                      )
                    }
                  </Form.Item>
                  <div>
                    <Typography.Text strong>{t('gate-ui:rules.when')}</Typography.Text>
                  </div>
                  <Form.List name={[f.name, 'conditions']}>
                    {(conds, c) => (
                      <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }}>
                        {conds.map((cf) => (
                          <Condition key={cf.key} rule={f.name} name={cf.name} form={form} questions={questions} channels={channels} onRemove={() => c.remove(cf.name)} />
                        ))}
                        <Button size="small" icon={<PlusOutlined />} onClick={() => c.add({ on: 'answer', questionId: questions[0]?.id, op: 'answered' })}>
                          {t('gate-ui:rules.addCondition')}
                        </Button>
                      </Space>
                    )}
                  </Form.List>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ id: `r${Date.now().toString(36)}`, name: '', enabled: true, outcome: 'review', conditions: [{ on: 'answer', questionId: questions[0]?.id, op: 'answered' }] })}>
                {t('gate-ui:rules.addRule')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
      <Space>
        <Button onClick={() => void runPreview()}>{t('gate-ui:rules.preview')}</Button>
        <Button type="primary" onClick={() => void form.validateFields().then(onSave, () => undefined)} loading={save.isPending}>
          {t('gate-ui:rules.save')}
        </Button>
      </Space>
      {preview && <PreviewCard preview={preview} />}
    </Space>
  );
}

/** One condition: what it looks at (an answer, the referral, the channel), the test, and the value. */
function Condition(props: { rule: number; name: number; form: ReturnType<typeof Form.useForm<Draft>>[0]; questions: ApplicationForm['questions']; channels: string[]; onRemove: () => void }) {
  const { t } = useTranslation();
  const { rule, name, form, questions, channels, onRemove } = props;
  return (
    <Form.Item noStyle shouldUpdate>
      {() => {
        const c = (form.getFieldValue(['rules', rule, 'conditions', name]) ?? {}) as Record<string, unknown>;
        const q = questions.find((x) => x.id === c.questionId);
        const choice = q?.kind === 'single_choice' || q?.kind === 'multi_choice';
        const op = String(c.op ?? '');
        const ops = c.on === 'answer' ? ANSWER_OPS : c.on === 'referral' ? (['referred', 'not_referred', 'vouched'] as const) : (['is', 'is_not'] as const);
        const options = (q?.options ?? []).map((o) => ({ value: o.id, label: o.label }));
        return (
          <Space wrap align="start">
            <Form.Item name={[name, 'on']} noStyle>
              <Select style={{ width: 120 }} options={(['answer', 'referral', 'channel'] as const).map((o) => ({ value: o, label: t(`gate-ui:rules.on.${o}`) }))}
                onChange={(on) => form.setFieldValue(['rules', rule, 'conditions', name], { on, op: on === 'answer' ? 'answered' : on === 'referral' ? 'referred' : 'is', ...(on === 'answer' ? { questionId: questions[0]?.id } : {}) })} />
            </Form.Item>
            {c.on === 'answer' && (
              <Form.Item name={[name, 'questionId']} noStyle rules={[{ required: true }]}>
                <Select style={{ width: 220 }} placeholder={t('gate-ui:rules.question')} options={questions.map((x) => ({ value: x.id, label: x.label }))} />
              </Form.Item>
            )}
            <Form.Item name={[name, 'op']} noStyle>
              <Select style={{ width: 150 }} options={ops.map((o) => ({ value: o, label: t(`gate-ui:op.${o}`) }))} />
            </Form.Item>
            {c.on === 'channel' ? (
              <Form.Item name={[name, 'value']} noStyle rules={[{ required: true }]}>
                <Select mode="tags" style={{ minWidth: 220 }} placeholder={t('gate-ui:rules.value')} options={channels.map((x) => ({ value: x, label: x }))} />
              </Form.Item>
            ) : c.on === 'answer' && NUMBER_OPS.has(op) ? (
              <Form.Item name={[name, 'value']} noStyle rules={[{ required: true }]}>
                <InputNumber min={0} max={100000} placeholder={t('gate-ui:rules.chars')} />
              </Form.Item>
            ) : c.on === 'answer' && !NO_VALUE.has(op) ? (
              <Form.Item name={[name, 'value']} noStyle rules={[{ required: true }]}>
                {choice && !op.includes('contains') ? (
                  <Select mode={LIST_OPS.has(op) ? 'multiple' : undefined} style={{ minWidth: 220 }} options={options} placeholder={t('gate-ui:rules.value')} />
                ) : LIST_OPS.has(op) ? (
                  <Select mode="tags" style={{ minWidth: 220 }} placeholder={t('gate-ui:rules.words')} />
                ) : (
                  <Input style={{ width: 220 }} placeholder={t('gate-ui:rules.value')} />
                )}
              </Form.Item>
            ) : null}
            <Button type="text" icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('gate-ui:form.remove')} />
          </Space>
        );
      }}
    </Form.Item>
  );
}

function PreviewCard({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('gate-ui:rules.previewTitle', { n: preview.total })}>
      <Space size={32}>
        <Statistic title={t('gate-ui:outcome.approve')} value={preview.counts.approve} />
        <Statistic title={t('gate-ui:outcome.reject')} value={preview.counts.reject} />
        <Statistic title={t('gate-ui:outcome.review')} value={preview.counts.review} />
      </Space>
      <ResponsiveTable size="small" rowKey="ruleId" pagination={false} style={{ marginTop: 12 }} dataSource={preview.byRule}
        columns={[{ title: t('gate-ui:rules.rule'), dataIndex: 'name' }, { title: t('gate-ui:rules.matched'), dataIndex: 'matched' }]} />
      <Typography.Paragraph style={{ marginTop: 12 }}>{t('gate-ui:rules.changed', { n: preview.changed.length })}</Typography.Paragraph>
    </Card>
  );
}

/** The form's draft as the API's rules: values shaped by each test, reasons only on rejections. */
function clean(draft: Draft): ScreeningRule[] {
  return (draft.rules ?? []).map((r, i) => ({
    id: r.id || `r${i + 1}`,
    name: r.name,
    enabled: r.enabled !== false,
    outcome: r.outcome,
    ...(r.outcome === 'reject' ? { reason: r.reason } : {}),
    conditions: (r.conditions ?? []).map((c) => {
      if (c.on === 'referral') return { on: 'referral', op: c.op };
      if (c.on === 'channel') return { on: 'channel', op: c.op, value: ([] as string[]).concat((c.value as string[] | string | undefined) ?? []) };
      const op = String(c.op);
      let value: unknown = c.value;
      if (NO_VALUE.has(op)) value = undefined;
      else if (NUMBER_OPS.has(op)) value = Number(value);
      else if (LIST_OPS.has(op)) value = ([] as unknown[]).concat(value ?? []);
      else if (Array.isArray(value)) value = value[0];
      return { on: 'answer', questionId: c.questionId, op, ...(value === undefined ? {} : { value }) };
    }),
  })) as ScreeningRule[];
}
