import { useState } from 'react';
import { Button, Card, Table, Tag } from 'antd';
import type { RoleView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { SettingLevelNote, useIsTopLevel } from '../../components/SettingSource';
import { isLockedRole, RoleFormModal } from './RoleFormModal';
import { useRoles } from './roles.api';

export function RolesPage() {
  const t = useT();
  const { data, isFetching } = useRoles();
  const [editing, setEditing] = useState<RoleView | 'new' | null>(null);
  // Roles and permissions are the same everywhere: only the top level's administrators change them.
  const top = useIsTopLevel();

  return (
    <>
      <PageHeader
        title={t('role.title')}
        extra={
          top && (
            <Button type="primary" onClick={() => setEditing('new')} data-testid="role-create">
              {t('role.create')}
            </Button>
          )
        }
      />
      <SettingLevelNote rootOnly />
      <Card>
        <div data-testid="roles-table">
          <Table<RoleView>
            rowKey="id"
            loading={isFetching}
            dataSource={data?.items}
            pagination={false}
            columns={[
              { key: 'name', title: t('role.name'), dataIndex: 'name' },
              { key: 'code', title: t('role.code'), render: (_, r) => <code>{r.code}</code> },
              {
                key: 'type',
                width: 100,
                render: (_, r) => (r.builtin ? <Tag color="blue">{t('role.builtin')}</Tag> : <Tag>{t('role.custom')}</Tag>),
              },
              { key: 'description', title: t('role.description'), render: (_, r) => r.description ?? '—' },
              { key: 'perms', title: t('role.permissions'), width: 90, render: (_, r) => t('role.permCount', { count: r.permissions.length }) },
              { key: 'users', title: t('role.userCount'), dataIndex: 'userCount', width: 90, align: 'right' },
              {
                key: 'actions',
                title: t('common.actions'),
                width: 90,
                render: (_, r) => (
                  <Button size="small" type="link" onClick={() => setEditing(r)}>
                    {!top || isLockedRole(r) ? t('common.view') : t('common.edit')}
                  </Button>
                ),
              },
            ]}
          />
        </div>
      </Card>
      {editing && <RoleFormModal role={editing === 'new' ? null : editing} viewOnly={!top} onClose={() => setEditing(null)} />}
    </>
  );
}
