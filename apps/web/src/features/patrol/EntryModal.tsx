import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { PatrolSourceView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { useShowError } from '../../lib/use-show-error';
import { useEnterItems } from './patrol.api';

interface Values {
  sourceId: string;
  externalId?: string;
  url?: string;
  author?: string;
  publishedAt?: Dayjs;
  title?: string;
  text: string;
}

const blank = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
/** Staff often have no platform id at hand; a generated one still lets a re-entry be told apart. */
const generatedId = () => `staff-${dayjs().format('YYYYMMDDHHmmss')}-${Math.random().toString(36).slice(2, 8)}`;

/** Staff entry of one item into a manual or API source; it is scanned like any other. */
export function EntryModal({ sources, onClose }: { sources: PatrolSourceView[]; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const enter = useEnterItems();
  const targets = sources.filter((s) => s.active && (s.kind === 'manual' || s.kind === 'api'));

  const onFinish = (v: Values) => {
    const item = {
      externalId: blank(v.externalId) ?? generatedId(),
      url: blank(v.url),
      author: blank(v.author),
      publishedAt: v.publishedAt?.toISOString(),
      title: blank(v.title),
      text: v.text,
    };
    enter.mutate(
      { sourceId: v.sourceId, items: [item] },
      {
        onSuccess: (r) => {
          if (r.duplicates > 0) void message.warning(t('entry.duplicate'));
          else void message.success(t(r.withHits > 0 ? 'entry.doneWithHits' : 'entry.doneClean'));
          onClose();
        },
        onError: (err) => showError(err, form),
      },
    );
  };

  return (
    <Modal
      open
      width={720}
      title={t('entry.title')}
      okText={t('entry.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={enter.isPending}
      okButtonProps={{ disabled: targets.length === 0 }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {targets.length === 0 && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('entry.noSource')} />}
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ sourceId: targets.length === 1 ? targets[0]!.id : undefined }} data-testid="patrol-entry-form">
        <Form.Item name="sourceId" label={t('item.source')} extra={t('entry.sourceHint')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={targets.map((s) => ({ value: s.id, label: s.name }))} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="title" label={t('entry.titleField')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="text" label={t('entry.text')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea rows={6} maxLength={100_000} showCount data-testid="patrol-entry-text" />
        </Form.Item>
        <Form.Item name="url" label={t('item.link')} rules={[{ pattern: /^https?:\/\/\S+$/i, message: t('entry.urlRule') }]}>
          <Input maxLength={2000} placeholder="https://" />
        </Form.Item>
        <Form.Item name="author" label={t('item.author')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="publishedAt" label={t('item.publishedAt')}>
          <DatePicker showTime style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs().endOf('day'))} />
        </Form.Item>
        <Form.Item name="externalId" label={t('item.externalId')} extra={t('entry.externalIdHint')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
