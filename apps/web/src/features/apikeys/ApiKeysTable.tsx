import { App, Button, Table, Tag, Tooltip, Typography } from 'antd';
import { useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useShowError } from '../../lib/use-show-error';
import { useRevokeApiKey, type ApiKeyView } from './apikeys.api';

export function ApiKeysTable({ keys, loading }: { keys: ApiKeyView[] | undefined; loading: boolean }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const revoke = useRevokeApiKey();

  const askRevoke = (k: ApiKeyView) =>
    modal.confirm({
      title: t('key.revokeTitle', { name: k.name }),
      content: t('key.revokeBody', { unit: k.unitName }),
      okText: t('key.revoke'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        revoke
          .mutateAsync(k.id)
          .then(() => void message.success(t('key.revokedDone')))
          .catch(showError),
    });

  return (
    <div data-testid="apikeys-table">
      <Table<ApiKeyView>
        rowKey="id"
        loading={loading}
        dataSource={keys}
        pagination={false}
        locale={{ emptyText: t('key.empty') }}
        columns={[
          { key: 'name', title: t('key.name'), render: (_, k) => <Typography.Text strong>{k.name}</Typography.Text> },
          { key: 'unit', title: t('key.unit'), render: (_, k) => k.unitName },
          { key: 'prefix', title: t('key.prefix'), render: (_, k) => <Typography.Text code>{`${k.prefix}…`}</Typography.Text> },
          {
            key: 'scopes',
            title: t('key.scopes'),
            render: (_, k) =>
              k.scopes.map((s) => (
                <Tag key={s} title={s}>
                  {t(`keyScope.${s}`)}
                </Tag>
              )),
          },
          { key: 'created', title: t('key.createdAt'), width: 150, render: (_, k) => formatDateTime(k.createdAt) },
          { key: 'used', title: t('key.lastUsed'), width: 150, render: (_, k) => formatDateTime(k.lastUsedAt) || t('common.never') },
          {
            key: 'status',
            title: t('common.status'),
            width: 100,
            render: (_, k) =>
              k.revokedAt ? (
                <Tooltip title={t('key.revokedAt', { time: formatDateTime(k.revokedAt) })}>
                  <Tag>{t('key.revoked')}</Tag>
                </Tooltip>
              ) : (
                <Tag color="success">{t('key.active')}</Tag>
              ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 90,
            render: (_, k) =>
              !k.revokedAt && (
                <Button size="small" type="link" danger onClick={() => askRevoke(k)} data-testid="apikey-revoke">
                  {t('key.revoke')}
                </Button>
              ),
          },
        ]}
      />
    </div>
  );
}
