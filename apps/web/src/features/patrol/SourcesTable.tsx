import { App, Button, Flex, Table, Tag, Typography } from 'antd';
import type { PatrolSourceView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useCan } from '../../lib/session';
import { useShowError } from '../../lib/use-show-error';
import { FetchStatusTag, SourceKindTag, fetchErrorText } from './PatrolTags';
import { usePollSource, useUpdateSource } from './sources.api';

interface Props {
  sources: PatrolSourceView[] | undefined;
  loading: boolean;
  onEdit: (source: PatrolSourceView) => void;
}

export function SourcesTable({ sources, loading, onEdit }: Props) {
  const t = useT();
  const can = useCan();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const update = useUpdateSource();
  const poll = usePollSource();
  const manage = can('patrol.manage');

  const pollNow = (s: PatrolSourceView) =>
    poll.mutate(s.id, {
      onSuccess: (after) => {
        if (after.lastStatus === 'error') void message.warning(t('src.pollFailed', { error: fetchErrorText(t, after.lastError) }));
        else if (after.lastStatus === 'not_modified') void message.info(t('src.pollUnchanged'));
        else void message.success(t('src.pollDone', { count: after.lastItemCount }));
      },
      onError: (e) => showError(e),
    });

  const toggleActive = (s: PatrolSourceView) =>
    modal.confirm({
      title: t(s.active ? 'src.deactivateTitle' : 'src.activateTitle', { name: s.name }),
      content: s.active ? t('src.deactivateBody') : undefined,
      okText: t(s.active ? 'common.deactivate' : 'common.activate'),
      okButtonProps: { danger: s.active },
      cancelText: t('common.cancel'),
      onOk: () =>
        update
          .mutateAsync({ id: s.id, input: { active: !s.active } })
          .then(() => void message.success(t('common.saved')))
          .catch(showError),
    });

  return (
    <div data-testid="sources-table">
      <Table<PatrolSourceView>
        rowKey="id"
        loading={loading}
        dataSource={sources}
        pagination={false}
        scroll={{ x: 1320 }}
        columns={[
          { key: 'name', title: t('src.name'), width: 180, render: (_, s) => <Typography.Text strong>{s.name}</Typography.Text> },
          { key: 'kind', title: t('src.kind'), width: 110, render: (_, s) => <SourceKindTag kind={s.kind} /> },
          { key: 'unit', title: t('src.unit'), width: 150, render: (_, s) => s.unitName },
          {
            key: 'url',
            title: t('src.url'),
            width: 240,
            render: (_, s) =>
              s.url ? (
                <Typography.Text ellipsis={{ tooltip: s.url }} copyable={{ text: s.url }} style={{ maxWidth: 220 }}>
                  {s.url}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
          { key: 'last', title: t('src.lastFetch'), width: 150, render: (_, s) => formatDateTime(s.lastFetchAt) || '—' },
          { key: 'status', title: t('src.lastStatus'), width: 100, render: (_, s) => <FetchStatusTag status={s.lastStatus} error={s.lastError} at={s.lastFetchAt} /> },
          {
            key: 'failures',
            title: t('src.failures'),
            width: 90,
            align: 'right',
            render: (_, s) => (s.failures > 0 ? <Typography.Text type="danger">{s.failures}</Typography.Text> : 0),
          },
          {
            key: 'next',
            title: t('src.nextFetch'),
            width: 150,
            render: (_, s) => (s.kind === 'feed' && s.active ? formatDateTime(s.nextFetchAt) || '—' : '—'),
          },
          {
            key: 'active',
            title: t('common.status'),
            width: 80,
            render: (_, s) => (s.active ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
          },
          ...(manage
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 200,
                  fixed: 'right' as const,
                  render: (_: unknown, s: PatrolSourceView) => (
                    <Flex gap={4}>
                      {s.kind === 'feed' && (
                        <Button size="small" type="link" disabled={!s.active} loading={poll.isPending && poll.variables === s.id} onClick={() => pollNow(s)} data-testid="source-poll">
                          {t('src.pollNow')}
                        </Button>
                      )}
                      <Button size="small" type="link" onClick={() => onEdit(s)}>
                        {t('common.edit')}
                      </Button>
                      <Button size="small" type="link" danger={s.active} onClick={() => toggleActive(s)}>
                        {t(s.active ? 'common.deactivate' : 'common.activate')}
                      </Button>
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
