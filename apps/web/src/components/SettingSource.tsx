import { Alert, Tag } from 'antd';
import type { SettingLevel, SettingSource } from '@tianlang/contracts';
import { useT } from '../i18n';
import { useMe } from '../lib/session';

/** Whether the signed-in user's jurisdiction is the top of the tree (its admins set the defaults and root-only settings). */
export function useIsTopLevel(): boolean {
  return useMe().jurisdiction.pathNames.length === 1;
}

/** “本级设置” or “继承自 示范市”: where a setting shown comes from. */
export function SettingSourceTag({ source }: { source: SettingSource }) {
  const t = useT();
  return source.own ? (
    <Tag color="green" bordered={false} data-testid="setting-own">
      {t('settings.own')}
    </Tag>
  ) : (
    <Tag bordered={false} data-testid="setting-inherited">
      {t('settings.inherited', { name: source.jurisdictionName })}
    </Tag>
  );
}

/** What editing on this page does at the viewer's level; for root-only settings, that they are read-only below the top. */
export function SettingLevelNote({ level, rootOnly = false }: { level?: SettingLevel; rootOnly?: boolean }) {
  const t = useT();
  const top = useIsTopLevel();
  if (rootOnly) return top ? null : <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('settings.rootOnly')} data-testid="settings-root-only" />;
  if (!level) return null;
  const text = level.root ? t('settings.noteRoot') : t('settings.noteLevel', { name: level.jurisdictionName });
  return <Alert type="info" showIcon style={{ marginBottom: 16 }} title={text} data-testid="settings-level-note" />;
}
