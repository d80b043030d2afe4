import { Button, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useT } from '../../i18n';
import { JurisdictionSelect } from '../../components/JurisdictionSelect';
import { ENTITY_TYPE_LIST, GRADE_LIST, type EntityGrade, type EntityType } from './enums';
import { useEntityList, useRegistryOptions, type DrawInput } from './registry.api';

export interface DrawValues {
  name: string;
  type?: EntityType;
  grade?: EntityGrade;
  jurisdictionId?: string;
  tag?: string;
  entityCount: number;
  officerCount: number;
  officersPerTask: number;
  seed?: string;
  days: number;
  unit: 'working_days' | 'calendar_days';
}

export function toDrawInput(v: DrawValues): DrawInput {
  return {
    name: v.name.trim(),
    filter: { status: 'active', type: v.type, grade: v.grade, jurisdictionId: v.jurisdictionId, tag: v.tag },
    entityCount: v.entityCount, officerCount: v.officerCount, officersPerTask: v.officersPerTask,
    seed: v.seed?.trim() || undefined, days: v.days, unit: v.unit,
  };
}

/** How many entities and officers the draw would pick from, as the filter now stands. */
function Pools() {
  const t = useT();
  const form = Form.useFormInstance<DrawValues>();
  const type = Form.useWatch('type', form);
  const grade = Form.useWatch('grade', form);
  const jurisdictionId = Form.useWatch('jurisdictionId', form);
  const tag = Form.useWatch('tag', form);
  const entities = useEntityList({ status: 'active', type, grade, jurisdictionId, tag, limit: 1, offset: 0 });
  const officers = useRegistryOptions().data?.officers.length;
  return (
    <Typography.Paragraph type="secondary" data-testid="draw-pools">
      {officers === undefined
        ? t('regDraw.poolEntities', { entities: entities.data?.total ?? '…' })
        : t('regDraw.pools', { entities: entities.data?.total ?? '…', officers })}
    </Typography.Paragraph>
  );
}

/** 抽查条件 and numbers: N entities from the filtered register, M certified officers, the seed and the period. */
export function DrawForm({ pending, onFinish, form }: { pending: boolean; onFinish: (v: DrawValues) => void; form: ReturnType<typeof Form.useForm<DrawValues>>[0] }) {
  const t = useT();
  const tags = useRegistryOptions().data?.tags ?? [];
  return (
    <Form<DrawValues>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      initialValues={{ entityCount: 5, officerCount: 2, officersPerTask: 2, days: 20, unit: 'working_days' }}
      data-testid="draw-form"
    >
      <Form.Item name="name" label={t('regDraw.name')} rules={[{ required: true, whitespace: true, min: 2, message: t('regDraw.nameRequired') }]}>
        <Input maxLength={100} placeholder={t('regDraw.namePlaceholder')} data-testid="draw-name" />
      </Form.Item>
      <Typography.Text strong>{t('regDraw.filter')}</Typography.Text>
      <Row gutter={12} style={{ marginTop: 8 }}>
        <Col span={12}>
          <Form.Item name="type" label={t('reg.type')}>
            <Select allowClear placeholder={t('common.all')} options={ENTITY_TYPE_LIST.map((v) => ({ value: v, label: t(`regType.${v}`) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="grade" label={t('reg.grade')}>
            <Select allowClear placeholder={t('common.all')} options={GRADE_LIST.map((v) => ({ value: v, label: t(`regGrade.${v}`) }))} data-testid="draw-grade" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="jurisdictionId" label={t('reg.jurisdiction')}>
            <JurisdictionSelect allowClear placeholder={t('common.all')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="tag" label={t('reg.tag')}>
            <Select allowClear showSearch placeholder={t('common.all')} options={tags.map((v) => ({ value: v, label: v }))} />
          </Form.Item>
        </Col>
      </Row>
      <Pools />
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="entityCount" label={t('regDraw.entityCount')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={1} max={500} style={{ width: '100%' }} data-testid="draw-entity-count" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="officerCount" label={t('regDraw.officerCount')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={2} max={100} style={{ width: '100%' }} data-testid="draw-officer-count" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="officersPerTask" label={t('regDraw.perTask')}>
            <InputNumber min={2} max={10} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="days" label={t('regDraw.period')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={1} max={365} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="unit" label={t('regDraw.unit')}>
            <Select
              options={[
                { value: 'working_days', label: t('regRect.workingDays') },
                { value: 'calendar_days', label: t('regRect.calendarDays') },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="seed" label={t('regDraw.seed')} extra={t('regDraw.seedHint')}>
        <Input maxLength={200} allowClear className="reg-mono" data-testid="draw-seed" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending} block data-testid="draw-submit">
        {t('regDraw.submit')}
      </Button>
    </Form>
  );
}
