import { useState } from 'react';
import { Alert, App, Button, Flex, Modal, Typography } from 'antd';
import { useT } from '../../i18n';
import type { ApiKeyCreated } from './apikeys.api';

const USAGE = 'POST /api/patrol/push\nAuthorization: Bearer <secret>\nContent-Type: application/json\n\n{"sourceId": "…", "items": [{"externalId": "…", "text": "…"}]}';

/** The only time a key's secret is ever shown: the server keeps just its hash. */
export function SecretModal({ created, onClose }: { created: ApiKeyCreated; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied(true);
      void message.success(t('key.copied'));
    } catch {
      // Clipboard access needs a secure context; selecting the text still lets the user copy by hand.
      window.getSelection()?.selectAllChildren(document.getElementById('apikey-secret')!);
      void message.warning(t('key.copyFailed'));
    }
  };

  return (
    <Modal
      open
      title={t('key.secretTitle', { name: created.name })}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="apikey-secret-done">
          {t('key.secretDone')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('key.secretWarning')} style={{ marginBottom: 16 }} />
      <Flex gap={8} align="center">
        <Typography.Text code id="apikey-secret" style={{ flex: 1, wordBreak: 'break-all', fontSize: 14, userSelect: 'all' }} data-testid="apikey-secret">
          {created.secret}
        </Typography.Text>
        <Button onClick={() => void copy()} type={copied ? 'default' : 'primary'} data-testid="apikey-copy">
          {t(copied ? 'key.copied' : 'key.copy')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 8 }}>
        {t('key.usage')}
      </Typography.Paragraph>
      <pre style={{ fontSize: 12, background: '#f5f5f5', padding: '8px 12px', borderRadius: 6, margin: 0, whiteSpace: 'pre-wrap' }}>{USAGE}</pre>
    </Modal>
  );
}
