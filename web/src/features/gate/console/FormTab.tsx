/** The application form editor: questions of four kinds, required or not, with bounds and options. */
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, problemText } from '../../../app/api.js';
import { ErrorState, Loading, useErrorText } from '../../../app/states.js';
import { useConsole } from '../../communities/console/ConsoleLayout.js';
import { QUESTION_KINDS } from '../../../../../src/features/gate/form.js';
import { useConfig, useSaveConfig, type ApplicationForm } from '../api.js';

export function FormTab() {
  const { t } = useTranslation();
  const { slug } = useConsole();
  const q = useConfig(slug);
  const save = useSaveConfig(slug);
  const [form] = Form.useForm<ApplicationForm>();
  const { message } = App.useApp();
  const errorText = useErrorText();
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorState error={q.error} />;

  async function onFinish(values: ApplicationForm) {
    try {
      // Emptied number inputs come back as null; the server wants them absent.
      const questions = (values.questions ?? []).map((x) => {
        const q = Object.fromEntries(Object.entries(x).filter(([, v]) => v !== null && v !== '')) as typeof x;
        return { ...q, required: !!x.required, options: x.kind.endsWith('choice') ? x.options : undefined };
      });
      await save.mutateAsync({ form: { questions } });
      void message.success(t('gate-ui:form.saved'));
    } catch (err) {
      // "form.questions.2.label" → the field of the third question.
      if (err instanceof ApiError && err.fields.length) {
        form.setFields(err.fields.filter((f) => f.path.startsWith('form.')).map((f) => ({ name: f.path.split('.').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p)) as never, errors: [problemText(f, err)] })));
      }
      void message.error(errorText(err));
    }
  }

  return (
    <Form form={form} layout="vertical" initialValues={q.data.form} onFinish={() => void onFinish(form.getFieldsValue(true) as ApplicationForm)} style={{ maxWidth: 760 }}>
      <Form.List name="questions">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {fields.map((f, i) => (
              <Card key={f.key} size="small" title={t('gate-ui:form.question', { n: i + 1 })} extra={<Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('gate-ui:form.remove')} />}>
                <Space wrap align="start">
                  <Form.Item name={[f.name, 'id']} label={t('gate-ui:form.id')} rules={[{ required: true, pattern: /^[a-z0-9_-]{1,32}$/, message: t('gate-ui:form.idHelp') }]}>
                    <Input style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'kind']} label={t('gate-ui:form.kind')} rules={[{ required: true }]}>
                    <Select style={{ width: 160 }} options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`gate-ui:kind.${k}`) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'required']} valuePropName="checked" label=" ">
                    <Checkbox>{t('gate-ui:form.required')}</Checkbox>
                  </Form.Item>
                  <Form.Item name={[f.name, 'maxLength']} label={t('gate-ui:form.maxLength')}>
                    <InputNumber min={1} max={5000} />
                  </Form.Item>
                </Space>
                <Form.Item name={[f.name, 'label']} label={t('gate-ui:form.label')} rules={[{ required: true, max: 300 }]}>
                  <Input />
                </Form.Item>
                <Form.Item name={[f.name, 'help']} label={t('gate-ui:form.help')}>
                  <Input />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {() =>
                    String(form.getFieldValue(['questions', f.name, 'kind']) ?? '').endsWith('choice') && (
                      <Form.List name={[f.name, 'options']}>
                        {(opts, o) => (
                          <Space orientation="vertical" style={{ width: '100%' }}>
                            {opts.map((opt) => (
                              // one line that shrinks with the screen: the label takes what the id and the button leave
                              <div key={opt.key} style={{ display: 'flex', gap: 8, maxWidth: 460 }}>
                                <Form.Item name={[opt.name, 'id']} rules={[{ required: true, pattern: /^[a-z0-9_-]{1,32}$/, message: t('gate-ui:form.idHelp') }]} noStyle>
                                  <Input placeholder={t('gate-ui:form.optionId')} style={{ flex: '0 1 120px', minWidth: 64 }} />
                                </Form.Item>
                                <Form.Item name={[opt.name, 'label']} rules={[{ required: true }]} noStyle>
                                  <Input placeholder={t('gate-ui:form.optionLabel')} style={{ flex: '1 1 280px', minWidth: 0 }} />
                                </Form.Item>
                                <Button type="text" icon={<DeleteOutlined />} onClick={() => o.remove(opt.name)} aria-label={t('gate-ui:form.remove')} />
                              </div>
                            ))}
                            <Button size="small" icon={<PlusOutlined />} onClick={() => o.add({ id: `o${opts.length + 1}`, label: '' })}>
                              {t('gate-ui:form.addOption')}
                            </Button>
                          </Space>
                        )}
                      </Form.List>
                    )
                  }
                </Form.Item>
              </Card>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ id: `q${fields.length + 1}`, kind: 'short_text', label: '', required: false })}>
              {t('gate-ui:form.addQuestion')}
            </Button>
          </Space>
        )}
      </Form.List>
      <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 16 }}>
        {t('gate-ui:form.save')}
      </Button>
    </Form>
  );
}
