import { App, Button, Flex, Table, Tag, Typography } from 'antd';
import type { RouteResult, UserView, usersApi } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { useConfirmWithReason } from '../../components/use-confirm-with-reason';
import { formatDateTime } from '../../lib/format';
import { useMe } from '../../lib/session';
import { useShowError } from '../../lib/use-show-error';
import { useRoleName } from '../roles/roles.api';
import { useUnlockUser, useUpdateUser } from './users.api';

interface Props {
  data: RouteResult<typeof usersApi.list> | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  onEdit: (user: UserView) => void;
  onResetPassword: (user: UserView) => void;
}

export function UsersTable({ data, loading, page, pageSize, onPage, onEdit, onResetPassword }: Props) {
  const t = useT();
  const me = useMe();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const confirm = useConfirmWithReason();
  const roleName = useRoleName();
  const update = useUpdateUser();
  const unlock = useUnlockUser();

  const toggleActive = (u: UserView) =>
    confirm({
      title: t(u.active ? 'user.deactivateTitle' : 'user.activateTitle', { name: u.displayName }),
      content: u.active ? t('user.deactivateBody') : undefined,
      okText: t(u.active ? 'common.deactivate' : 'common.activate'),
      danger: u.active,
      onConfirm: (reason) =>
        update
          .mutateAsync({ id: u.id, input: { active: !u.active, reason } })
          .then(() => void message.success(t('common.saved')))
          .catch(showError),
    });

  const onUnlock = (u: UserView) =>
    modal.confirm({
      title: t('user.unlockTitle', { name: u.displayName }),
      okText: t('user.unlock'),
      cancelText: t('common.cancel'),
      onOk: () =>
        unlock
          .mutateAsync(u.id)
          .then(() => void message.success(t('user.unlocked')))
          .catch(showError),
    });

  return (
    <div data-testid="users-table">
      <Table<UserView>
        rowKey="id"
        loading={loading}
        dataSource={data?.items}
        pagination={{ current: page, pageSize, total: data?.total, onChange: onPage, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          {
            key: 'user',
            title: t('user.displayName'),
            render: (_, u) => (
              <Flex vertical>
                <span>
                  {u.displayName} {u.id === me.id && <Tag color="blue">{t('user.self')}</Tag>}
                </span>
                <Typography.Text type="secondary">{u.username}</Typography.Text>
              </Flex>
            ),
          },
          { key: 'unit', title: t('user.unit'), dataIndex: 'unitName' },
          {
            key: 'roles',
            title: t('user.roles'),
            render: (_, u) => (
              <Flex wrap gap={4}>
                {u.roles.map((r) => (
                  <Tag key={r}>{roleName(r)}</Tag>
                ))}
              </Flex>
            ),
          },
          {
            key: 'status',
            title: t('common.status'),
            width: 130,
            render: (_, u) => (
              <Flex wrap gap={4}>
                {u.active ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>}
                {u.throttled && <Tag color="error" data-testid="user-locked-tag">{t('user.locked')}</Tag>}
                {u.mustChangePassword && <Tag color="warning" data-testid="user-must-change-tag">{t('user.mustChangePassword')}</Tag>}
              </Flex>
            ),
          },
          { key: 'lastLogin', title: t('user.lastLogin'), width: 150, render: (_, u) => (u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('common.never')) },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 260,
            render: (_, u) => (
              <Flex wrap gap={0}>
                <Button size="small" type="link" onClick={() => onEdit(u)}>
                  {t('common.edit')}
                </Button>
                <Button size="small" type="link" onClick={() => onResetPassword(u)}>
                  {t('user.resetPassword')}
                </Button>
                {u.throttled && (
                  <Button size="small" type="link" onClick={() => onUnlock(u)}>
                    {t('user.unlock')}
                  </Button>
                )}
                <Button size="small" type="link" danger={u.active} disabled={u.id === me.id} onClick={() => toggleActive(u)}>
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
