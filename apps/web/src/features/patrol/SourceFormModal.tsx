import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { PatrolSourceView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { useMe } from '../../lib/session';
import { useShowError } from '../../lib/use-show-error';
import { UnitSelect } from '../users/UnitSelect';
import { SOURCE_KINDS } from './enums';
import { useCreateSource, useUpdateSource, type SourceKind } from './sources.api';

interface Values {
  kind: SourceKind;
  name: string;
  unitId: string;
  url?: string;
  intervalMinutes?: number;
}

const blank = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** Create (source = null) or edit a source. Kind and unit are fixed once it exists. */
export function SourceFormModal({ source, onClose }: { source: PatrolSourceView | null; onClose: () => void }) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? source?.kind;
  const create = useCreateSource();
  const update = useUpdateSource();
  const isFeed = kind === 'feed';
  const onError = (err: unknown) => showError(err, form);
  const done = (text: string) => () => {
    void message.success(text);
    onClose();
  };

  const onFinish = (v: Values) => {
    const url = blank(v.url);
    const intervalMinutes = isFeed ? v.intervalMinutes : undefined;
    if (source) update.mutate({ id: source.id, input: { name: v.name.trim(), url, intervalMinutes } }, { onSuccess: done(t('common.saved')), onError });
    else create.mutate({ kind: v.kind, name: v.name.trim(), unitId: v.unitId, url, intervalMinutes }, { onSuccess: done(t('common.created')), onError });
  };

  return (
    <Modal
      open
      title={source ? t('src.editTitle', { name: source.name }) : t('src.create')}
      okText={source ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={source ? { ...source, url: source.url ?? undefined } : { kind: 'feed', unitId: me.unit.id, intervalMinutes: 60 }}
        data-testid="source-form"
      >
        <Form.Item name="kind" label={t('src.kind')} extra={kind && t(`sourceKindHint.${kind}`)} rules={[{ required: true, message: t('common.required') }]}>
          <Select disabled={source !== null} options={SOURCE_KINDS.map((k) => ({ value: k, label: t(`sourceKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('src.name')} rules={[{ required: true, whitespace: true, max: 100, message: t('common.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="unitId" label={t('src.unit')} rules={[{ required: true, message: t('common.required') }]}>
          <UnitSelect disabled={source !== null} current={source ? { id: source.unitId, name: source.unitName } : undefined} />
        </Form.Item>
        <Form.Item
          name="url"
          label={t(isFeed ? 'src.feedUrl' : 'src.url')}
          rules={[
            { required: isFeed, message: t('src.urlRequired') },
            { pattern: /^https?:\/\/\S+$/i, message: t('entry.urlRule') },
          ]}
        >
          <Input maxLength={2000} placeholder="https://" />
        </Form.Item>
        {isFeed && (
          <Form.Item name="intervalMinutes" label={t('src.interval')} extra={t('src.intervalHint')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={5} max={7 * 24 * 60} step={5} style={{ width: 180 }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
