import { useState } from 'react';
import { Button, Card, Typography } from 'antd';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { ApiKeyCreateModal } from './ApiKeyCreateModal';
import { ApiKeysTable } from './ApiKeysTable';
import { useApiKeys, type ApiKeyCreated } from './apikeys.api';
import { SecretModal } from './SecretModal';

/** 接口密钥: keys that let platforms and partner systems push patrol items. */
export function ApiKeysPage() {
  const t = useT();
  const keys = useApiKeys();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  return (
    <>
      <PageHeader
        title={t('nav.apiKeys')}
        extra={
          <Button type="primary" onClick={() => setCreating(true)} data-testid="apikey-create">
            {t('key.create')}
          </Button>
        }
      />
      <Card>
        <Typography.Paragraph type="secondary">{t('key.intro')}</Typography.Paragraph>
        <ApiKeysTable keys={keys.data?.items} loading={keys.isFetching} />
      </Card>
      {creating && (
        <ApiKeyCreateModal
          onClose={() => setCreating(false)}
          onCreated={(k) => {
            setCreating(false);
            setCreated(k);
          }}
        />
      )}
      {created && <SecretModal created={created} onClose={() => setCreated(null)} />}
    </>
  );
}
