import { isMessageKey, useT } from '../i18n';

/** The readable name of a permission, with the code as a fallback for verbs added later. */
export function usePermissionLabel(): (permission: string) => string {
  const t = useT();
  return (permission) => {
    const key = `perm.${permission}`;
    return isMessageKey(key) ? t(key) : permission;
  };
}
