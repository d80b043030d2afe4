import { useMemo, useState } from 'react';
import { Card, Col, Empty, Row } from 'antd';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { JurisdictionDetail } from './JurisdictionDetail';
import { JurisdictionTree } from './JurisdictionTree';
import { useJurisdictions } from './jurisdictions.api';
import { buildTree } from './tree';

export function JurisdictionsPage() {
  const t = useT();
  const { data, isPending } = useJurisdictions();
  const items = useMemo(() => data?.items ?? [], [data]);
  const tree = useMemo(() => buildTree(items), [items]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = items.find((i) => i.id === selectedId) ?? null;

  return (
    <>
      <PageHeader title={t('jur.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10} xl={9}>
          <Card loading={isPending}>
            <JurisdictionTree tree={tree} selectedId={selectedId} onSelect={setSelectedId} />
          </Card>
        </Col>
        <Col xs={24} lg={14} xl={15}>
          {selected ? (
            <JurisdictionDetail key={selected.id} item={selected} items={items} onCreated={setSelectedId} />
          ) : (
            <Card>
              <Empty description={t('jur.selectHint')} />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
