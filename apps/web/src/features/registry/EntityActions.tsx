import { App, Alert, Form, Radio, Typography } from 'antd';
import { useT } from '../../i18n';
import { JurisdictionSelect } from '../../components/JurisdictionSelect';
import { useJurisdictions } from '../jurisdictions/jurisdictions.api';
import { useShowError } from '../../lib/use-show-error';
import { FormModal, ReasonItem } from '../reports/FormModal';
import { GRADE_LIST, type EntityGrade } from './enums';
import { useEntityAction, type EntityActionBody, type EntityView } from './registry.api';
import { GradeTag } from './RegistryTags';

interface Props {
  entity: EntityView;
  onClose: () => void;
}

function useAction<A extends 'grade' | 'move' | 'status'>(entity: EntityView, action: A, onClose: () => void) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const run = useEntityAction(action);
  return {
    pending: run.isPending,
    submit: (body: EntityActionBody<A>, form: Parameters<typeof showError>[1]) =>
      run.mutate(
        { id: entity.id, body },
        { onSuccess: () => (void message.success(t('common.saved')), onClose()), onError: (err) => showError(err, form) },
      ),
  };
}

/** 调整分级: the new grade and why; the change is kept in the grade history. */
export function GradeModal({ entity, onClose }: Props) {
  const t = useT();
  const [form] = Form.useForm<{ grade: EntityGrade; reason: string }>();
  const { submit, pending } = useAction(entity, 'grade', onClose);
  return (
    <FormModal<{ grade: EntityGrade; reason: string }>
      title={t('regGradeChange.title', { name: entity.name })}
      okText={t('regGradeChange.submit')}
      submitId="grade-submit"
      pending={pending}
      form={form}
      initialValues={{ grade: entity.grade }}
      onFinish={(v) => submit({ grade: v.grade, reason: v.reason.trim() }, form)}
      onClose={onClose}
    >
      <Typography.Paragraph>
        {t('regGradeChange.current')} <GradeTag grade={entity.grade} />
      </Typography.Paragraph>
      <Form.Item name="grade" label={t('regGradeChange.to')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={GRADE_LIST.map((g) => ({ value: g, label: t(`regGrade.${g}`), disabled: g === entity.grade }))}
          data-testid="grade-select"
        />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('regGradeChange.meaning')}
      </Typography.Paragraph>
      <ReasonItem label={t('regGradeChange.reason')} placeholder={t('regGradeChange.reasonPlaceholder')} testid="grade-reason" />
    </FormModal>
  );
}

/** 变更属地: moves the entity (and its records) to another jurisdiction; audited and confirmed. */
export function MoveModal({ entity, onClose }: Props) {
  const t = useT();
  const { modal } = App.useApp();
  const [form] = Form.useForm<{ jurisdictionId: string; reason: string }>();
  const { submit, pending } = useAction(entity, 'move', onClose);
  const jurisdictions = useJurisdictions().data?.items;
  // a move hands the entity to another office: said once more in words before it is done
  const confirm = (v: { jurisdictionId: string; reason: string }) => {
    const to = jurisdictions?.find((j) => j.id === v.jurisdictionId)?.name ?? '—';
    modal.confirm({
      title: t('regMove.confirmTitle'),
      content: t('regMove.confirmBody', { name: entity.name, from: entity.jurisdictionName, to }),
      okText: t('regMove.submit'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => submit({ jurisdictionId: v.jurisdictionId, reason: v.reason.trim() }, form),
    });
  };
  return (
    <FormModal<{ jurisdictionId: string; reason: string }>
      title={t('regMove.title', { name: entity.name })}
      okText={t('regMove.submit')}
      submitId="move-submit"
      danger
      pending={pending}
      form={form}
      onFinish={confirm}
      onClose={onClose}
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('regMove.warning', { from: entity.jurisdictionName })} />
      <Form.Item name="jurisdictionId" label={t('regMove.to')} rules={[{ required: true, message: t('regMove.toRequired') }, { validator: (_, v) => (v === entity.jurisdictionId ? Promise.reject(new Error(t('regMove.same'))) : Promise.resolve()) }]}>
        <JurisdictionSelect />
      </Form.Item>
      <ReasonItem label={t('regMove.reason')} testid="move-reason" />
    </FormModal>
  );
}

/** 关停 / 恢复: an entity that stopped operating stays in the register, closed. */
export function StatusModal({ entity, onClose }: Props) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const { submit, pending } = useAction(entity, 'status', onClose);
  const to = entity.status === 'active' ? 'closed' : 'active';
  return (
    <FormModal<{ reason: string }>
      title={t(to === 'closed' ? 'regStatusChange.closeTitle' : 'regStatusChange.reopenTitle', { name: entity.name })}
      okText={t(to === 'closed' ? 'regStatusChange.close' : 'regStatusChange.reopen')}
      submitId="status-submit"
      danger={to === 'closed'}
      pending={pending}
      form={form}
      onFinish={(v) => submit({ status: to, reason: v.reason.trim() }, form)}
      onClose={onClose}
    >
      <ReasonItem label={t('regStatusChange.reason')} />
    </FormModal>
  );
}
