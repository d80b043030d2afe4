import type { ReactNode } from 'react';
import { App, Flex, Input } from 'antd';
import { useT } from '../i18n';
import { cleanReason } from './ReasonField';

interface ConfirmOptions {
  title: string;
  content?: ReactNode;
  okText: string;
  danger?: boolean;
  /** Runs the change; it should report its own errors, the dialog closes when it settles. */
  onConfirm: (reason: string | undefined) => Promise<unknown>;
}

/** A confirmation dialog for a destructive change that also asks for the (optional) reason. */
export function useConfirmWithReason() {
  const t = useT();
  const { modal } = App.useApp();
  return ({ title, content, okText, danger = true, onConfirm }: ConfirmOptions) => {
    let reason = '';
    modal.confirm({
      title,
      content: (
        <Flex vertical gap={8}>
          {content && <div>{content}</div>}
          <Input.TextArea
            rows={2}
            maxLength={500}
            aria-label={t('common.reason')}
            placeholder={`${t('common.reason')}（${t('common.reasonPlaceholder')}）`}
            onChange={(e) => {
              reason = e.target.value;
            }}
          />
        </Flex>
      ),
      okText,
      okButtonProps: { danger },
      cancelText: t('common.cancel'),
      onOk: () => onConfirm(cleanReason(reason)),
    });
  };
}
