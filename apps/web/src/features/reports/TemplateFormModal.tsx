import { Alert, Form, Input, Select, Switch, Typography } from 'antd';
import { REPORT_OUTCOMES } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { useShowError } from '../../lib/use-show-error';
import { FormModal } from './FormModal';
import { PlaceholderTags } from './PlaceholderTags';
import { AUTO_PLACEHOLDERS, placeholdersOf, useSaveTemplate, type ReplyTemplate, type ReplyTemplateInput } from './templates.api';

/**
 * Create (template = null) or edit a reply template; placeholders found in the text are shown as it is
 * typed. `overriding`: this level's own wording of an inherited template (a new one of the same name).
 */
export function TemplateFormModal({ template, overriding = false, onClose }: { template: ReplyTemplate | null; overriding?: boolean; onClose: () => void }) {
  const t = useT();
  const showError = useShowError();
  const save = useSaveTemplate();
  const [form] = Form.useForm<ReplyTemplateInput>();
  const body = (Form.useWatch('body', form) as string | undefined) ?? template?.body ?? '';

  const onFinish = (v: ReplyTemplateInput) =>
    save.mutate(
      { id: overriding ? null : (template?.id ?? null), input: { ...v, name: v.name.trim(), body: v.body.trim() } },
      { onSuccess: onClose, onError: (err) => showError(err, form) },
    );

  return (
    <FormModal<ReplyTemplateInput>
      title={overriding && template ? `${t('settings.overrideInherited')}：${template.name}` : template ? t('rptTemplate.editTitle', { name: template.name }) : t('rptTemplate.create')}
      okText={template && !overriding ? t('common.save') : t('common.create')}
      submitId="template-submit"
      pending={save.isPending}
      form={form}
      width={680}
      initialValues={template ?? { outcome: 'handled', active: true }}
      onFinish={onFinish}
      onClose={onClose}
    >
      <Form.Item name="outcome" label={t('rptTemplate.outcome')} extra={t('rptTemplate.outcomeHint')}>
        <Select options={REPORT_OUTCOMES.map((o) => ({ value: o, label: t(`rptOutcome.${o}`) }))} data-testid="template-outcome" />
      </Form.Item>
      <Form.Item name="name" label={t('common.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input maxLength={60} disabled={overriding} data-testid="template-name" />
      </Form.Item>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('rptTemplate.placeholderIntro')}
        description={
          <Typography.Text>
            {t('rptTemplate.autoList', { names: AUTO_PLACEHOLDERS.map((p) => `{{${p}}}`).join('、') })}
            <br />
            {t('rptTemplate.typedExample')}
          </Typography.Text>
        }
      />
      <Form.Item name="body" label={t('rptTemplate.body')} rules={[{ required: true, whitespace: true, min: 10, message: t('rptTemplate.bodyMin') }]}>
        <Input.TextArea rows={7} maxLength={3000} showCount data-testid="template-body" />
      </Form.Item>
      <Form.Item label={t('rptTemplate.found')}>
        <PlaceholderTags names={placeholdersOf(body)} />
      </Form.Item>
      <Form.Item name="active" label={t('common.status')} valuePropName="checked">
        <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
      </Form.Item>
    </FormModal>
  );
}
