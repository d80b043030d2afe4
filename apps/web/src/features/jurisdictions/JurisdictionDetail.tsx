import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, InputNumber, Switch } from 'antd';
import { CHILD_LEVEL, type JurisdictionView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { cleanReason, ReasonField } from '../../components/ReasonField';
import { useShowError } from '../../lib/use-show-error';
import { AddChildModal } from './AddChildModal';
import { useUpdateJurisdiction } from './jurisdictions.api';
import { jurisdictionCodeRule } from './rules';
import { pathNames } from './tree';

interface Props {
  item: JurisdictionView;
  items: readonly JurisdictionView[];
  onCreated: (id: string) => void;
}

interface Values {
  name: string;
  code: string;
  sort: number;
  active: boolean;
  reason?: string;
}

export function JurisdictionDetail({ item, items, onCreated }: Props) {
  const t = useT();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [adding, setAdding] = useState(false);
  const update = useUpdateJurisdiction();
  const childLevel = CHILD_LEVEL[item.level];
  const parent = item.parentId ? items.find((i) => i.id === item.parentId) : undefined;

  const save = (values: Values) =>
    update.mutate(
      { id: item.id, input: { name: values.name.trim(), code: values.code.trim(), sort: values.sort, active: values.active, reason: cleanReason(values.reason) } },
      {
        onSuccess: () => {
          form.setFieldValue('reason', undefined);
          void message.success(t('common.saved'));
        },
        onError: (err) => showError(err, form),
      },
    );

  const onFinish = (values: Values) => {
    if (item.active && !values.active) {
      modal.confirm({
        title: t('jur.deactivateTitle', { name: item.name }),
        content: t('jur.deactivateBody'),
        okButtonProps: { danger: true },
        okText: t('common.deactivate'),
        cancelText: t('common.cancel'),
        onOk: () => save(values),
      });
    } else save(values);
  };

  return (
    <Card
      title={pathNames(items, item.id).join(' / ')}
      extra={
        <Button type="primary" disabled={!childLevel || !item.active} title={childLevel ? undefined : t('jur.noChild')} onClick={() => setAdding(true)} data-testid="jurisdiction-add-child">
          {t('jur.addChild')}
        </Button>
      }
    >
      <Descriptions
        size="small"
        column={2}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'level', label: t('jur.level'), children: t(`level.${item.level}`) },
          { key: 'parent', label: t('jur.parent'), children: parent?.name ?? t('common.none') },
        ]}
      />
      <Form form={form} layout="vertical" initialValues={{ name: item.name, code: item.code, sort: item.sort, active: item.active }} onFinish={onFinish}>
        <Form.Item name="name" label={t('jur.name')} rules={[{ required: true, whitespace: true, max: 60, message: t('common.required') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="code" label={t('jur.code')} extra={t('jur.codeRule')} rules={[jurisdictionCodeRule(t)]}>
          <Input maxLength={12} />
        </Form.Item>
        <Form.Item name="sort" label={t('common.sort')}>
          <InputNumber min={0} max={100000} precision={0} />
        </Form.Item>
        <Form.Item name="active" label={t('common.status')} valuePropName="checked">
          <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
        </Form.Item>
        <ReasonField />
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t('common.save')}
        </Button>
      </Form>
      {childLevel && adding && (
        <AddChildModal
          parent={item}
          level={childLevel}
          onClose={() => setAdding(false)}
          onCreated={(id) => {
            setAdding(false);
            onCreated(id);
          }}
        />
      )}
    </Card>
  );
}
