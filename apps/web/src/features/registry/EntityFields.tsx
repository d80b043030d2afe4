import { Button, Col, DatePicker, Flex, Form, Input, Row, Select } from 'antd';
import { useT } from '../../i18n';
import { JurisdictionSelect } from '../../components/JurisdictionSelect';
import { ACCOUNT_TYPE_LIST, ENTITY_TYPE_LIST, FILING_KIND_LIST, GRADE_LIST, type EntityType } from './enums';
import { useRegistryOptions } from './registry.api';

/** Which identifiers a type is known by, so the form asks for those first. */
export function identifierFields(type: EntityType | undefined) {
  const account = type !== undefined && ACCOUNT_TYPE_LIST.includes(type);
  return {
    url: !account || type === 'forum_group',
    icp: type === undefined || type === 'website' || type === 'app' || type === 'mini_program' || type === 'forum_group' || type === 'other',
    app: type === 'app' || type === 'mini_program' || type === 'other',
    account: account || type === 'other',
    location: type === 'led_screen' || type === 'other',
  };
}

/** Name, type and identifiers. */
export function IdentityFields({ typeLocked }: { typeLocked?: boolean }) {
  const t = useT();
  const type = Form.useWatch<EntityType | undefined>('type');
  const show = identifierFields(type);
  return (
    <>
      <Row gutter={12}>
        <Col span={16}>
          <Form.Item name="name" label={t('reg.name')} rules={[{ required: true, whitespace: true, message: t('reg.nameRequired') }]}>
            <Input maxLength={200} data-testid="entity-name" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="type" label={t('reg.type')} rules={[{ required: true, message: t('reg.typeRequired') }]}>
            <Select disabled={typeLocked} options={ENTITY_TYPE_LIST.map((v) => ({ value: v, label: t(`regType.${v}`) }))} data-testid="entity-type" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        {show.url && (
          <Col span={12}>
            <Form.Item name="url" label={t('reg.url')}>
              <Input maxLength={2000} placeholder="https://" data-testid="entity-url" />
            </Form.Item>
          </Col>
        )}
        {show.icp && (
          <Col span={12}>
            <Form.Item name="icpNo" label={t('reg.icpNo')} extra={t('reg.icpHint')}>
              <Input maxLength={60} placeholder={t('reg.icpPlaceholder')} data-testid="entity-icp" />
            </Form.Item>
          </Col>
        )}
        {show.app && (
          <Col span={12}>
            <Form.Item name="appId" label={t('reg.appId')} extra={t('reg.appIdHint')}>
              <Input maxLength={200} data-testid="entity-app-id" />
            </Form.Item>
          </Col>
        )}
        {show.account && (
          <>
            <Col span={12}>
              <Form.Item name="platformName" label={t('reg.platformName')}>
                <Input maxLength={100} placeholder={t('reg.platformPlaceholder')} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="accountId" label={t('reg.accountId')} extra={t('reg.accountIdHint')}>
                <Input maxLength={200} data-testid="entity-account-id" />
              </Form.Item>
            </Col>
          </>
        )}
        {show.location && (
          <Col span={24}>
            <Form.Item name="location" label={t('reg.location')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
        )}
      </Row>
    </>
  );
}

/** 运营主体 and its contact; the contact is stored encrypted and shown masked afterwards. */
export function OperatorFields({ withContact }: { withContact: boolean }) {
  const t = useT();
  return (
    <>
      <Form.Item name="operatorName" label={t('reg.operator')} extra={t('reg.operatorHint')}>
        <Input maxLength={200} data-testid="entity-operator" />
      </Form.Item>
      {withContact && (
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name={['contact', 'person']} label={t('reg.contactPerson')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['contact', 'phone']} label={t('reg.contactPhone')} rules={[{ pattern: /^\+?[0-9][0-9 -]{5,19}$/, message: t('reg.phoneInvalid') }]}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name={['contact', 'email']} label={t('reg.contactEmail')} rules={[{ type: 'email', message: t('reg.emailInvalid') }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </>
  );
}

/** Jurisdiction and grade are set here only when creating; afterwards each has its own audited action. */
export function PlacementFields() {
  const t = useT();
  return (
    <Row gutter={12}>
      <Col span={10}>
        <Form.Item name="jurisdictionId" label={t('reg.jurisdiction')} extra={t('reg.jurisdictionHint')}>
          <JurisdictionSelect allowClear />
        </Form.Item>
      </Col>
      <Col span={5}>
        <Form.Item name="grade" label={t('reg.grade')}>
          <Select options={GRADE_LIST.map((v) => ({ value: v, label: t(`regGrade.${v}`) }))} data-testid="entity-grade" />
        </Form.Item>
      </Col>
      <Col span={9}>
        <Form.Item name="gradeReason" label={t('reg.gradeReason')}>
          <Input maxLength={500} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** Tags and the responsible officer (the current one stays named even when not in the options). */
export function SupervisionFields({ officer }: { officer?: { id: string; name: string } }) {
  const t = useT();
  const options = useRegistryOptions().data;
  const listed = options?.staff ?? options?.officers ?? [];
  const people = officer && !listed.some((p) => p.id === officer.id) ? [officer, ...listed] : listed;
  return (
    <Row gutter={12}>
      <Col span={14}>
        <Form.Item name="tags" label={t('reg.tags')} extra={t('reg.tagsHint')}>
          <Select mode="tags" maxCount={20} tokenSeparators={[',', '，', '、']} options={(options?.tags ?? []).map((v) => ({ value: v, label: v }))} />
        </Form.Item>
      </Col>
      <Col span={10}>
        <Form.Item name="officerId" label={t('reg.officer')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={people.map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** 备案: the filings an entity holds, one line each. */
export function FilingFields() {
  const t = useT();
  return (
    <Form.Item label={t('reg.filings')}>
      <Form.List name="filings">
        {(fields, { add, remove }) => (
          <Flex vertical gap={4}>
            {fields.map(({ key, name }) => (
              <Flex key={key} gap={8} align="start">
                <Form.Item name={[name, 'kind']} rules={[{ required: true, message: t('reg.filingKindRequired') }]} style={{ width: 190, marginBottom: 4 }}>
                  <Select placeholder={t('reg.filingKind')} options={FILING_KIND_LIST.map((v) => ({ value: v, label: t(`regFiling.${v}`) }))} />
                </Form.Item>
                <Form.Item name={[name, 'number']} rules={[{ required: true, whitespace: true, message: t('reg.filingNumberRequired') }]} style={{ flex: 1, marginBottom: 4 }}>
                  <Input placeholder={t('reg.filingNumber')} maxLength={60} />
                </Form.Item>
                <Form.Item name={[name, 'filedOn']} style={{ width: 140, marginBottom: 4 }}>
                  <DatePicker placeholder={t('reg.filedOn')} />
                </Form.Item>
                <Button type="text" onClick={() => remove(name)} aria-label={t('reg.remove')}>
                  ✕
                </Button>
              </Flex>
            ))}
            <Button type="dashed" onClick={() => add({ kind: 'icp' })} style={{ alignSelf: 'flex-start' }}>
              {t('reg.addFiling')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
