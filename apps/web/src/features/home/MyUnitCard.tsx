import { Card, Descriptions, Flex, Tag } from 'antd';
import { useT } from '../../i18n';
import { UnitKindTag } from '../../components/UnitKindTag';
import { useMe } from '../../lib/session';

export function MyUnitCard() {
  const t = useT();
  const me = useMe();
  return (
    <Card title={t('home.myUnit')} style={{ height: '100%' }}>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'unit', label: t('home.unit'), children: me.unit.name },
          { key: 'kind', label: t('home.unitKind'), children: <UnitKindTag kind={me.unit.kind} /> },
          { key: 'jurisdiction', label: t('home.jurisdiction'), children: me.jurisdiction.pathNames.join(' / ') },
          {
            key: 'roles',
            label: t('home.roles'),
            children: (
              <Flex wrap gap={4}>
                {me.roles.map((r) => (
                  <Tag key={r.code}>{r.name}</Tag>
                ))}
              </Flex>
            ),
          },
        ]}
      />
    </Card>
  );
}
