import { useState } from 'react';
import { Card, Col, Empty, Form, Row, Table, Typography } from 'antd';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/format';
import { useCan } from '../../lib/session';
import { useShowError } from '../../lib/use-show-error';
import { DrawForm, toDrawInput, type DrawValues } from './DrawForm';
import { DrawResult } from './DrawResult';
import { useCreateDraw, useDraw, useDraws, type DrawList, type DrawView } from './registry.api';
import './registry.css';

const PAGE_SIZE = 10;
type DrawRow = DrawList['items'][number];

/** 双随机抽查: random entities × random certified officers, seeded and recorded so anyone can rerun it. */
export function DrawPage() {
  const t = useT();
  const can = useCan();
  const showError = useShowError();
  const [form] = Form.useForm<DrawValues>();
  const create = useCreateDraw();
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const [latest, setLatest] = useState<DrawView | null>(null);
  const history = useDraws(page, PAGE_SIZE);
  const opened = useDraw(openId);
  const shown = openId ? opened.data : latest;
  const manage = can('registry.manage');

  const submit = (v: DrawValues) =>
    create.mutate(toDrawInput(v), {
      onSuccess: (d) => {
        setOpenId(null);
        setLatest(d);
      },
      onError: (err) => showError(err, form),
    });

  /** Fills the form with a recorded draw's filter and seed: drawing again reproduces it while the pools are unchanged. */
  const reuse = (d: DrawView) => {
    const f = d.filter as Partial<DrawValues>;
    form.setFieldsValue({ name: d.name, type: f.type, grade: f.grade, jurisdictionId: f.jurisdictionId, tag: f.tag, seed: d.seed, entityCount: d.entityIds.length, officerCount: d.officerIds.length });
  };

  return (
    <div data-testid="registry-draws">
      <PageHeader title={t('nav.registryDraws')} />
      <Row gutter={[16, 16]}>
        {manage && (
          <Col xs={24} xl={9}>
            <Card size="small" className="reg-section" title={t('regDraw.formTitle')}>
              <DrawForm form={form} pending={create.isPending} onFinish={submit} />
            </Card>
          </Col>
        )}
        <Col xs={24} xl={manage ? 15 : 24}>
          <Card size="small" className="reg-section" title={t('regDraw.resultTitle')} loading={openId !== null && opened.isPending}>
            {shown ? <DrawResult draw={shown} onReuse={reuse} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('regDraw.noResult')} />}
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" className="reg-section" title={t('regDraw.history')}>
            <Table<DrawRow>
              rowKey="id"
              size="small"
              loading={history.isFetching}
              dataSource={history.data?.items}
              pagination={{ current: page, pageSize: PAGE_SIZE, total: history.data?.total, onChange: setPage, showSizeChanger: false }}
              onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
              columns={[
                { key: 'name', title: t('regDraw.name'), render: (_, r) => <a>{r.name}</a> },
                { key: 'seed', title: t('regDraw.seed'), width: 260, ellipsis: true, render: (_, r) => <Typography.Text className="reg-mono">{r.seed}</Typography.Text> },
                { key: 'pools', title: t('regDraw.poolSizes'), width: 200, render: (_, r) => t('regDraw.poolSizesValue', { entities: r.entityPool, officers: r.officerPool }) },
                { key: 'by', title: t('regDraw.drawnBy'), width: 140, render: (_, r) => r.createdByName ?? '—' },
                { key: 'at', title: t('regDraw.drawnAt'), width: 150, render: (_, r) => formatDateTime(r.createdAt) },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
