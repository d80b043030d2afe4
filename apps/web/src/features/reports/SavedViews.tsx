import { useState } from 'react';
import { App, Button, Flex, Input, Modal, Popconfirm, Select } from 'antd';
import type { ReportFilter } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { useShowError } from '../../lib/use-show-error';
import { useDeleteView, useSavedViews, useSaveView } from './bulk.api';

interface Props {
  current: ReportFilter;
  onApply: (filter: ReportFilter) => void;
}

/** Named filters of the signed-in user: pick one to apply it, or keep the filter in view under a name. */
export function SavedViews({ current, onApply }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const views = useSavedViews();
  const save = useSaveView();
  const remove = useDeleteView();
  const [chosen, setChosen] = useState<string>();
  const [naming, setNaming] = useState<string | null>(null);

  const onSave = () => {
    const name = naming?.trim();
    if (!name) return;
    save.mutate(
      { name, filter: current },
      {
        onSuccess: (view) => {
          setChosen(view.id);
          setNaming(null);
          void message.success(t('rptQueue.viewSaved'));
        },
        onError: (err) => showError(err),
      },
    );
  };

  return (
    <Flex gap={8} align="center" wrap>
      <Select
        allowClear
        placeholder={t('rptQueue.views')}
        style={{ width: 180 }}
        value={chosen}
        loading={views.isPending}
        onChange={(id: string | undefined) => {
          setChosen(id);
          const view = views.data?.items.find((v) => v.id === id);
          if (view) onApply(view.filter);
        }}
        options={views.data?.items.map((v) => ({ value: v.id, label: v.name }))}
        notFoundContent={t('rptQueue.viewsEmpty')}
        data-testid="reports-views"
      />
      {chosen && (
        <Popconfirm
          title={t('rptQueue.viewDeleteTitle')}
          okText={t('rptQueue.viewDelete')}
          cancelText={t('common.cancel')}
          onConfirm={() => remove.mutateAsync(chosen).then(() => setChosen(undefined), (err: unknown) => showError(err))}
        >
          <Button danger type="text">
            {t('rptQueue.viewDelete')}
          </Button>
        </Popconfirm>
      )}
      <Button onClick={() => setNaming('')} data-testid="reports-view-save">
        {t('rptQueue.viewSave')}
      </Button>
      <Modal
        open={naming !== null}
        title={t('rptQueue.viewSave')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !naming?.trim() }}
        confirmLoading={save.isPending}
        onOk={onSave}
        onCancel={() => setNaming(null)}
        destroyOnHidden
      >
        <Input
          autoFocus
          maxLength={40}
          value={naming ?? ''}
          onChange={(e) => setNaming(e.target.value)}
          onPressEnter={onSave}
          placeholder={t('rptQueue.viewNameHint')}
        />
      </Modal>
    </Flex>
  );
}
