import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { useT } from '../../i18n';
import { groupPermissions } from '../../lib/permission-groups';
import { useMe } from '../../lib/session';
import { usePermissionLabel } from '../../lib/use-permission-label';

export function MyPermissionsCard() {
  const t = useT();
  const me = useMe();
  const label = usePermissionLabel();
  const groups = groupPermissions(me.permissions);
  return (
    <Card title={t('profile.permissions')} data-testid="profile-permissions">
      {groups.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('profile.noPermissions')} />
      ) : (
        <Flex vertical gap={12}>
          {groups.map((g) => (
            <div key={g.label}>
              <Typography.Text type="secondary">{t(g.label)}</Typography.Text>
              <Flex wrap gap={4} style={{ marginTop: 4 }}>
                {g.permissions.map((p) => (
                  <Tag key={p} title={p}>
                    {label(p)}
                  </Tag>
                ))}
              </Flex>
            </div>
          ))}
        </Flex>
      )}
    </Card>
  );
}
