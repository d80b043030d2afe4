import { Card, Descriptions, Flex, Tag } from 'antd';
import { useT } from '../../i18n';
import { UnitKindTag } from '../../components/UnitKindTag';
import { formatDateTime } from '../../lib/format';
import { useMe } from '../../lib/session';

export function DetailsCard() {
  const t = useT();
  const me = useMe();
  const time = (iso: string | null) => (iso ? formatDateTime(iso) : t('common.never'));
  return (
    <Card title={t('profile.basic')}>
      <Descriptions
        column={1}
        size="small"
        data-testid="profile-details"
        items={[
          { key: 'username', label: t('profile.username'), children: me.username },
          { key: 'displayName', label: t('profile.displayName'), children: me.displayName },
          {
            key: 'unit',
            label: t('profile.unit'),
            children: (
              <Flex gap={8} align="center">
                {me.unit.name}
                <UnitKindTag kind={me.unit.kind} />
              </Flex>
            ),
          },
          {
            key: 'jurisdiction',
            label: t('profile.jurisdiction'),
            children: t('common.withNote', { text: me.jurisdiction.pathNames.join(' / '), note: t(`level.${me.jurisdiction.level}`) }),
          },
          {
            key: 'roles',
            label: t('profile.roles'),
            children: (
              <Flex wrap gap={4}>
                {me.roles.map((r) => (
                  <Tag key={r.code} color="blue">
                    {r.name}
                  </Tag>
                ))}
              </Flex>
            ),
          },
          { key: 'lastLogin', label: t('profile.lastLogin'), children: time(me.lastLoginAt) },
          { key: 'passwordChanged', label: t('profile.passwordChangedAt'), children: time(me.passwordChangedAt) },
          { key: 'session', label: t('profile.sessionExpires'), children: time(me.sessionExpiresAt) },
        ]}
      />
    </Card>
  );
}
