import { Checkbox, Flex, Typography } from 'antd';
import { PERMISSIONS, type Permission } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { groupPermissions } from '../../lib/permission-groups';
import { usePermissionLabel } from '../../lib/use-permission-label';
import { usePermissionList } from './roles.api';

interface Props {
  value?: Permission[];
  onChange?: (value: Permission[]) => void;
  disabled?: boolean;
}

/** Permissions grouped by module, each group with its own "select all". */
export function PermissionChecklist({ value = [], onChange, disabled }: Props) {
  const t = useT();
  const label = usePermissionLabel();
  const { data } = usePermissionList();
  const groups = groupPermissions(data?.items ?? PERMISSIONS);
  const selected = new Set(value);

  const setGroup = (group: Permission[], on: boolean) => {
    const next = new Set(value);
    group.forEach((p) => (on ? next.add(p) : next.delete(p)));
    onChange?.([...next]);
  };

  return (
    <Flex vertical gap={12} data-testid="permission-checklist">
      {groups.map((g) => {
        const count = g.permissions.filter((p) => selected.has(p)).length;
        return (
          <div key={g.label}>
            <Checkbox
              disabled={disabled}
              checked={count === g.permissions.length}
              indeterminate={count > 0 && count < g.permissions.length}
              onChange={(e) => setGroup(g.permissions, e.target.checked)}
            >
              <Typography.Text strong>{t(g.label)}</Typography.Text>
            </Checkbox>
            <Flex wrap gap={8} style={{ marginTop: 6, paddingInlineStart: 24 }}>
              {g.permissions.map((p) => (
                <Checkbox key={p} disabled={disabled} checked={selected.has(p)} onChange={(e) => setGroup([p], e.target.checked)}>
                  <span title={p}>{label(p)}</span>
                </Checkbox>
              ))}
            </Flex>
          </div>
        );
      })}
    </Flex>
  );
}
