import { useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Button, Divider, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { EntityUpdate, Filing } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { cleanReason } from '../../components/ReasonField';
import { isApiError } from '../../lib/api';
import { testId } from '../../lib/test-id';
import { useShowError } from '../../lib/use-show-error';
import { DuplicateList } from './DuplicateList';
import { entityPath } from './EntitiesTable';
import { FilingFields, IdentityFields, OperatorFields, PlacementFields, SupervisionFields } from './EntityFields';
import type { EntityGrade, EntityType, FilingKind } from './enums';
import { useCreateEntity, useDuplicateCheck, useUpdateEntity, type Duplicate, type EntityInput, type EntityView } from './registry.api';

interface Values {
  name: string;
  type: EntityType;
  url?: string;
  icpNo?: string;
  appId?: string;
  accountId?: string;
  platformName?: string;
  operatorName?: string;
  contact?: { person?: string; phone?: string; email?: string };
  jurisdictionId?: string;
  grade: EntityGrade;
  gradeReason?: string;
  tags: string[];
  officerId?: string;
  filings: { kind: FilingKind; number: string; filedOn?: Dayjs | null }[];
  location?: string;
  note?: string;
  reason?: string;
}

const text = (v: string | undefined) => {
  const s = v?.trim();
  return s ? s : undefined;
};
const filingsOut = (list: Values['filings']): Filing[] =>
  list.map((f) => ({ kind: f.kind, number: f.number.trim(), filedOn: f.filedOn ? f.filedOn.format('YYYY-MM-DD') : undefined }));

function toInput(v: Values): EntityInput {
  const contact = { person: text(v.contact?.person), phone: text(v.contact?.phone), email: text(v.contact?.email) };
  return {
    name: v.name.trim(), type: v.type, url: text(v.url), icpNo: text(v.icpNo), appId: text(v.appId), accountId: text(v.accountId),
    platformName: text(v.platformName), operatorName: text(v.operatorName),
    operatorContact: contact.person || contact.phone || contact.email ? contact : undefined,
    jurisdictionId: v.jurisdictionId, grade: v.grade, gradeReason: text(v.gradeReason), tags: v.tags ?? [],
    officerId: v.officerId ?? null, filings: filingsOut(v.filings ?? []), location: text(v.location), note: text(v.note),
  };
}

/** An edit sends every descriptive field; an emptied field is cleared (null), the contact only when retyped. */
function toUpdate(v: Values, replaceContact: boolean): EntityUpdate {
  const nul = (s: string | undefined) => text(s) ?? null;
  const contact = { person: text(v.contact?.person), phone: text(v.contact?.phone), email: text(v.contact?.email) };
  return {
    name: v.name.trim(), url: nul(v.url), icpNo: nul(v.icpNo), appId: nul(v.appId), accountId: nul(v.accountId),
    platformName: nul(v.platformName), operatorName: nul(v.operatorName), tags: v.tags ?? [], officerId: v.officerId ?? null,
    filings: filingsOut(v.filings ?? []), location: nul(v.location), note: nul(v.note), reason: cleanReason(v.reason),
    ...(replaceContact ? { operatorContact: contact.person || contact.phone || contact.email ? contact : null } : {}),
  };
}

function initial(entity: EntityView | undefined): Partial<Values> {
  if (!entity) return { grade: 'general', tags: [], filings: [] };
  const { name, type, tags, grade } = entity;
  const opt = (s: string | null) => s ?? undefined;
  return {
    name, type, tags, grade, url: opt(entity.url), icpNo: opt(entity.icpNo), appId: opt(entity.appId), accountId: opt(entity.accountId),
    platformName: opt(entity.platformName), operatorName: opt(entity.operatorName), officerId: opt(entity.officerId),
    location: opt(entity.location), note: opt(entity.note),
    filings: entity.filings.map((f) => ({ kind: f.kind, number: f.number, filedOn: f.filedOn ? dayjs(f.filedOn) : null })),
  };
}

/**
 * 新建 / 编辑台账对象. Before creating, the server is asked for look-alikes (same ICP, address or
 * account, similar name); the user opens them, or creates anyway.
 */
export function EntityFormModal({ entity, onClose }: { entity?: EntityView; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const create = useCreateEntity();
  const update = useUpdateEntity();
  const check = useDuplicateCheck();
  const [duplicates, setDuplicates] = useState<Duplicate[] | null>(null);
  const [replaceContact, setReplaceContact] = useState(!entity?.contactMasked);
  const editing = entity !== undefined;

  const lookAlikes = (v: Values, then: (items: Duplicate[]) => void) => {
    const input = toInput(v);
    check.mutate(
      { name: input.name, type: input.type, url: input.url, icpNo: input.icpNo, accountId: input.accountId },
      { onSuccess: (r) => then(r.items), onError: (err) => showError(err) },
    );
  };

  const doCreate = (v: Values, confirmDuplicates: boolean) =>
    create.mutate(
      { ...toInput(v), confirmDuplicates },
      {
        onSuccess: (created) => {
          void message.success(t('reg.created'));
          onClose();
          void navigate(entityPath(created.id));
        },
        onError: (err) => {
          showError(err, form);
          // someone registered a look-alike in the meantime: show it, as the check before would have
          if (isApiError(err, 'registry.duplicate')) lookAlikes(v, (items) => setDuplicates(items.length ? items : null));
        },
      },
    );

  const finish = (v: Values) => {
    if (editing) {
      update.mutate(
        { id: entity.id, input: toUpdate(v, replaceContact) },
        { onSuccess: () => (void message.success(t('common.saved')), onClose()), onError: (err) => showError(err, form) },
      );
      return;
    }
    if (duplicates) return doCreate(v, true);
    lookAlikes(v, (items) => (items.length > 0 ? setDuplicates(items) : doCreate(v, false)));
  };

  const pending = create.isPending || update.isPending || check.isPending;
  // the same ICP number, address or account cannot be registered twice; only a similar name may be overridden
  const blocked = duplicates?.some((d) => d.reasons.some((r) => r !== 'similar_name')) ?? false;
  const overridable = duplicates !== null && !blocked;
  const okText = editing ? t('common.save') : overridable ? t('regDup.createAnyway') : t('reg.create');
  return (
    <Modal
      open
      width={780}
      title={editing ? t('reg.editTitle', { name: entity.name }) : t('reg.createTitle')}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ ...testId('entity-submit'), danger: overridable, disabled: blocked }}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', paddingRight: 8 } }}
    >
      {/* shown above the form, where the eye is after pressing 登记 */}
      {duplicates && <DuplicateList items={duplicates} blocked={blocked} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial(entity)}
        onFinish={finish}
        onValuesChange={(changed) => {
          // a changed identifier may have other look-alikes: ask again
          if (duplicates && ('name' in changed || 'url' in changed || 'icpNo' in changed || 'accountId' in changed || 'type' in changed)) setDuplicates(null);
        }}
        data-testid="entity-form"
      >
        <IdentityFields typeLocked={editing} />
        <Divider titlePlacement="start" plain>{t('reg.sectionOperator')}</Divider>
        <OperatorFields withContact={replaceContact} />
        {editing && !replaceContact && (
          <Form.Item label={t('reg.contact')}>
            <span className="reg-mono">{entity.contactMasked}</span>{' '}
            <Button size="small" type="link" onClick={() => setReplaceContact(true)}>
              {t('reg.replaceContact')}
            </Button>
          </Form.Item>
        )}
        <Divider titlePlacement="start" plain>{t('reg.sectionSupervision')}</Divider>
        {!editing && <PlacementFields />}
        <SupervisionFields officer={entity?.officerId && entity.officerName ? { id: entity.officerId, name: entity.officerName } : undefined} />
        <FilingFields />
        <Form.Item name="note" label={t('reg.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        {editing && (
          <Form.Item name="reason" label={t('common.reason')}>
            <Input.TextArea rows={2} maxLength={500} placeholder={t('common.reasonPlaceholder')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
