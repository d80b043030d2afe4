import { App, Button, Flex, Table, Tag, Typography } from 'antd';
import type { UnitView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { UnitKindTag } from '../../components/UnitKindTag';
import { useConfirmWithReason } from '../../components/use-confirm-with-reason';
import type { Page } from '../../lib/api';
import { useShowError } from '../../lib/use-show-error';
import { useUpdateUnit } from './units.api';

interface Props {
  data: Page<UnitView> | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  onEdit: (unit: UnitView) => void;
}

export function UnitsTable({ data, loading, page, pageSize, onPage, onEdit }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const confirm = useConfirmWithReason();
  const update = useUpdateUnit();

  const toggleActive = (unit: UnitView) =>
    confirm({
      title: t(unit.active ? 'unit.deactivateTitle' : 'unit.activateTitle', { name: unit.name }),
      okText: t(unit.active ? 'common.deactivate' : 'common.activate'),
      danger: unit.active,
      onConfirm: (reason) =>
        update
          .mutateAsync({ id: unit.id, input: { active: !unit.active, reason } })
          .then(() => void message.success(t('common.saved')))
          .catch(showError),
    });

  return (
    <div data-testid="units-table">
      <Table<UnitView>
        rowKey="id"
        loading={loading}
        dataSource={data?.items}
        pagination={{ current: page, pageSize, total: data?.total, onChange: onPage, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          {
            key: 'name',
            title: t('unit.name'),
            render: (_, u) => (
              <Flex vertical>
                <span>{u.name}</span>
                {u.shortName && <Typography.Text type="secondary">{u.shortName}</Typography.Text>}
              </Flex>
            ),
          },
          { key: 'kind', title: t('unit.kind'), width: 170, render: (_, u) => <UnitKindTag kind={u.kind} /> },
          { key: 'jurisdiction', title: t('unit.jurisdiction'), dataIndex: 'jurisdictionName' },
          { key: 'phone', title: t('unit.phone'), render: (_, u) => u.contactPhone ?? '—' },
          { key: 'users', title: t('unit.userCount'), dataIndex: 'userCount', width: 90, align: 'right' },
          {
            key: 'status',
            title: t('common.status'),
            width: 90,
            render: (_, u) => (u.active ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 150,
            render: (_, u) => (
              <Flex gap={4}>
                <Button size="small" type="link" onClick={() => onEdit(u)}>
                  {t('common.edit')}
                </Button>
                <Button size="small" type="link" danger={u.active} onClick={() => toggleActive(u)}>
                  {t(u.active ? 'common.deactivate' : 'common.activate')}
                </Button>
              </Flex>
            ),
          },
        ]}
      />
    </div>
  );
}
