import { useEffect, useRef } from 'react';
import { Alert, Flex, List, Tag, Typography } from 'antd';
import { useT } from '../../i18n';
import { entityPath, mainIdentifier } from './EntitiesTable';
import type { Duplicate } from './registry.api';
import { GradeTag, TypeTag } from './RegistryTags';

/** Entities the server found alike (same ICP, same address, same account, similar name), each openable in a new tab. */
export function DuplicateList({ items, blocked }: { items: Duplicate[]; blocked: boolean }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  // the dialog may be scrolled down to its last field when the list appears above the form
  useEffect(() => ref.current?.scrollIntoView({ block: 'nearest' }), [items]);
  return (
    <div ref={ref} data-testid="entity-duplicates" style={{ marginBottom: 16 }}>
      <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('regDup.title', { count: items.length })} description={t(blocked ? 'regDup.blocked' : 'regDup.body')} />
      <List
        size="small"
        bordered
        dataSource={items}
        renderItem={(d, i) => (
          <List.Item key={d.entity?.id ?? `hidden-${i}`}>
            <Flex vertical gap={2} style={{ width: '100%' }}>
              <Flex gap={8} align="center" wrap>
                {d.entity ? (
                  <>
                    <a href={entityPath(d.entity.id)} target="_blank" rel="noreferrer" data-testid="entity-duplicate-link">
                      {d.entity.name}
                    </a>
                    <TypeTag type={d.entity.type} />
                    <GradeTag grade={d.entity.grade} />
                    <Typography.Text type="secondary">{d.entity.jurisdictionName}</Typography.Text>
                  </>
                ) : (
                  <Typography.Text type="secondary">{t('regDup.hidden')}</Typography.Text>
                )}
              </Flex>
              <Flex gap={4} wrap>
                {d.reasons.map((r) => (
                  <Tag key={r} color="orange" bordered={false}>
                    {r === 'similar_name' ? t('regDup.similar_name', { pct: Math.round(d.similarity * 100) }) : t(`regDup.${r}`)}
                  </Tag>
                ))}
                {d.entity && mainIdentifier(d.entity) && <Typography.Text className="reg-mono" type="secondary">{mainIdentifier(d.entity)}</Typography.Text>}
              </Flex>
            </Flex>
          </List.Item>
        )}
      />
    </div>
  );
}
