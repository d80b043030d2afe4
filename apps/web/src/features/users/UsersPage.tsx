import { useState } from 'react';
import { Button, Card, Flex, Input, Select } from 'antd';
import type { UserView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { useRoles } from '../roles/roles.api';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UnitSelect } from './UnitSelect';
import { UserFormModal } from './UserFormModal';
import { UsersTable } from './UsersTable';
import { useUsers } from './users.api';

const PAGE_SIZE = 20;

export function UsersPage() {
  const t = useT();
  const roles = useRoles();
  const [unitId, setUnitId] = useState<string>();
  const [role, setRole] = useState<string>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<UserView | 'new' | null>(null);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const list = useUsers({ unitId, role, q: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  const filter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };

  return (
    <>
      <PageHeader
        title={t('user.title')}
        extra={
          <Button type="primary" onClick={() => setEditing('new')} data-testid="user-create">
            {t('user.create')}
          </Button>
        }
      />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <UnitSelect allowClear placeholder={t('user.filterUnit')} style={{ width: 240 }} value={unitId} onChange={filter(setUnitId)} />
          <Select
            allowClear
            placeholder={t('user.filterRole')}
            style={{ width: 180 }}
            value={role}
            onChange={filter(setRole)}
            loading={roles.isPending}
            options={roles.data?.items.map((r) => ({ value: r.code, label: r.name }))}
          />
          <Input.Search allowClear placeholder={t('user.searchPlaceholder')} style={{ width: 240 }} onSearch={filter(setQ)} maxLength={60} />
        </Flex>
        <UsersTable
          data={list.data}
          loading={list.isFetching}
          page={page}
          pageSize={PAGE_SIZE}
          onPage={setPage}
          onEdit={setEditing}
          onResetPassword={setResetting}
        />
      </Card>
      {editing && <UserFormModal user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </>
  );
}
