import { App, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT, type MessageKey } from '../../i18n';
import { useShowError } from '../../lib/use-show-error';
import { useEntityAction, useRegistryOptions, type EntityActionBody } from './registry.api';

/** What the record dialogs (inspection, interview, pledge) share. */
export interface OfficerRef {
  id: string;
  name: string;
}

export interface RecordProps {
  entityId: string;
  /** officers who already worked on this entity (its tasks, inspections, interviews), offered first */
  known?: OfficerRef[];
  onClose: () => void;
}

export const day = (d: Dayjs) => d.format('YYYY-MM-DD');
export const trimmed = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/** Certified officers (持证执法人员), at least two; `known` adds officers named elsewhere (a draw task's). */
export function OfficersItem({ known = [] }: { known?: OfficerRef[] }) {
  const t = useT();
  const options = useRegistryOptions();
  const all = uniqueOfficers([...known, ...(options.data?.officers ?? [])]);
  return (
    <Form.Item
      name="officerIds"
      label={t('regRecord.officers')}
      extra={t('regRecord.officersHint')}
      rules={[{ required: true, type: 'array', min: 2, message: t('regRecord.officersMin') }]}
    >
      <Select
        mode="multiple"
        loading={options.isPending}
        showSearch={{ optionFilterProp: 'label' }}
        options={all.map((o) => ({ value: o.id, label: o.name }))}
        data-testid="record-officers"
      />
    </Form.Item>
  );
}

export function useRecord<A extends 'pledges' | 'inspections' | 'interviews'>(entityId: string, action: A, done: MessageKey, onClose: () => void) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const run = useEntityAction(action);
  const submit = (body: EntityActionBody<A>, form: Parameters<typeof showError>[1]) =>
    run.mutate(
      { id: entityId, body },
      {
        onSuccess: () => {
          void message.success(t(done));
          onClose();
        },
        onError: (err) => showError(err, form),
      },
    );
  return { submit, pending: run.isPending };
}


/** Each officer once, in the order first met. */
export function uniqueOfficers(list: OfficerRef[]): OfficerRef[] {
  const byId = new Map<string, OfficerRef>();
  for (const o of list) if (!byId.has(o.id)) byId.set(o.id, o);
  return [...byId.values()];
}
