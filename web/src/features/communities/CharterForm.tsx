/**
 * The charter (定位) form, for creating a community and for editing it in the console.
 * Next to each field, a line of the theory it serves (seed: the three conditions of a living group).
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Radio, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { COMMUNITY_TYPES, DEFAULT_TIMEZONE } from '../../../../src/features/communities/rules.js';
import { showFieldErrors } from '../../app/api.js';
import { useErrorText } from '../../app/states.js';
import type { Charter } from './api.js';
import { slugFormatProblem, slugTaken } from './slug.js';

export const CHARTER_FIELDS = ['name', 'slug', 'type', 'sharedNeed', 'valuePromise', 'norms', 'entryCriteria', 'capacity', 'timezone', 'publicTeaser', 'teaser'] as const;

/** Upper bounds on length; the server enforces its own and answers with a field error. */
/** Every zone the browser knows (what "today" means for check-ins and events), Shanghai first. */
const TIMEZONES = [DEFAULT_TIMEZONE, ...(Intl.supportedValuesOf?.('timeZone') ?? []).filter((z) => z !== DEFAULT_TIMEZONE)].map((z) => ({ value: z, label: z }));
const MAX = { name: 80, sharedNeed: 4000, valuePromise: 4000, norms: 4000, entryCriteria: 4000, teaser: 4000 } as const;

interface Props {
  initial?: Partial<Charter>;
  /** The slug this community already has: not "taken" when unchanged. */
  currentSlug?: string;
  submitLabel: string;
  onSubmit: (values: Charter) => Promise<void>;
}

export function CharterForm({ initial, currentSlug, submitLabel, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Charter>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorText = useErrorText();
  const publicTeaser = Form.useWatch('publicTeaser', form);
  const slug = Form.useWatch('slug', form);
  const check = useRef(0);

  useEffect(() => {
    if (initial) form.setFieldsValue(initial);
  }, [initial, form]);

  async function submit(values: Charter) {
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ ...values, norms: values.norms ?? '', entryCriteria: values.entryCriteria ?? '', capacity: values.capacity ?? null, teaser: values.teaser ?? '', publicTeaser: Boolean(values.publicTeaser) });
    } catch (err) {
      if (!showFieldErrors(form, err, CHARTER_FIELDS, { 'slug:conflict': t('communities-ui:charter.slug.taken') })) setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  // Format is checked at once; availability after a short pause in typing.
  async function validateSlug(_: unknown, value: string | undefined) {
    const v = value ?? '';
    if (!v) throw new Error(t('communities-ui:charter.slug.required'));
    const problem = slugFormatProblem(v);
    if (problem) throw new Error(t(`communities-ui:charter.slug.${problem}`));
    if (v === currentSlug) return;
    const mine = ++check.current;
    await new Promise((r) => setTimeout(r, 300));
    if (mine !== check.current) return;
    if (await slugTaken(v)) throw new Error(t('communities-ui:charter.slug.taken'));
  }

  const help = (field: string) => t(`communities-ui:charter.${field}.help`);
  const label = (field: string) => t(`communities-ui:charter.${field}.label`);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('communities-ui:charter.required', { field: label(field) }) });

  return (
    <Form<Charter>
      form={form}
      layout="vertical"
      size="large"
      onFinish={submit}
      initialValues={{ type: 'interest', norms: '', entryCriteria: '', publicTeaser: false, capacity: null, teaser: '', timezone: DEFAULT_TIMEZONE, ...initial }}
      scrollToFirstError
      data-testid="charter-form"
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form.Item name="name" label={label('name')} extra={help('name')} rules={[required('name')]}>
        <Input maxLength={MAX.name} placeholder={t('communities-ui:charter.name.placeholder')} />
      </Form.Item>
      <Form.Item
        name="slug"
        label={label('slug')}
        extra={slug && !slugFormatProblem(slug) ? t('communities-ui:charter.slug.preview', { url: `${window.location.origin}/c/${slug}` }) : help('slug')}
        required
        rules={[{ validator: validateSlug }]}
        hasFeedback
        validateDebounce={150}
      >
        <Input maxLength={40} autoCapitalize="none" autoCorrect="off" spellCheck={false} placeholder={t('communities-ui:charter.slug.placeholder')} />
      </Form.Item>
      <Form.Item name="type" label={label('type')} extra={help('type')} rules={[{ required: true }]}>
        <Radio.Group style={{ width: '100%' }}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {COMMUNITY_TYPES.map((type) => (
              <Radio key={type} value={type} style={{ alignItems: 'flex-start' }}>
                <Typography.Text strong>{t(`communities-ui:type.${type}.name`)}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{t(`communities-ui:type.${type}.explain`)}</Typography.Text>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="sharedNeed" label={label('sharedNeed')} extra={help('sharedNeed')} rules={[required('sharedNeed')]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={MAX.sharedNeed} placeholder={t('communities-ui:charter.sharedNeed.placeholder')} />
      </Form.Item>
      <Form.Item name="valuePromise" label={label('valuePromise')} extra={help('valuePromise')} rules={[required('valuePromise')]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={MAX.valuePromise} placeholder={t('communities-ui:charter.valuePromise.placeholder')} />
      </Form.Item>
      <Form.Item name="norms" label={label('norms')} extra={help('norms')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={MAX.norms} placeholder={t('communities-ui:charter.norms.placeholder')} />
      </Form.Item>
      <Form.Item name="entryCriteria" label={label('entryCriteria')} extra={help('entryCriteria')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={MAX.entryCriteria} placeholder={t('communities-ui:charter.entryCriteria.placeholder')} />
      </Form.Item>
      <Form.Item name="capacity" label={label('capacity')} extra={help('capacity')}>
        <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} placeholder={t('communities-ui:charter.capacity.placeholder')} />
      </Form.Item>
      <Form.Item name="timezone" label={label('timezone')} extra={help('timezone')}>
        <Select showSearch options={TIMEZONES} aria-label={label('timezone')} />
      </Form.Item>
      <Form.Item name="publicTeaser" label={label('publicTeaser')} extra={help('publicTeaser')} valuePropName="checked">
        <Switch aria-label={label('publicTeaser')} />
      </Form.Item>
      {/* hidden, not removed: switching the teaser off and on again keeps the text */}
      <Form.Item name="teaser" label={label('teaser')} extra={help('teaser')} hidden={!publicTeaser} rules={publicTeaser ? [required('teaser')] : []}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={MAX.teaser} placeholder={t('communities-ui:charter.teaser.placeholder')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy} size="large">
        {submitLabel}
      </Button>
    </Form>
  );
}
