import { useState } from 'react';
import { App, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { SettingLevelNote, SettingSourceTag } from '../../components/SettingSource';
import { useShowError } from '../../lib/use-show-error';
import { formatDateTime } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { PlaceholderTags } from './PlaceholderTags';
import { TemplateFormModal } from './TemplateFormModal';
import { useRemoveTemplate, useReplyTemplates, type ReplyTemplate } from './templates.api';
import './reports.css';

/**
 * 答复模板: the texts reporters are told, one set per outcome. The top level's are the defaults; a
 * lower level adds its own or words an inherited one its own way, and may go back to the inherited one.
 */
export function TemplatesPage() {
  const t = useT();
  const { modal } = App.useApp();
  const showError = useShowError();
  const list = useReplyTemplates();
  const remove = useRemoveTemplate();
  const [editing, setEditing] = useState<{ template: ReplyTemplate | null; overriding?: boolean } | null>(null);
  const onRemove = (r: ReplyTemplate) =>
    modal.confirm({
      title: r.replacesInherited ? t('settings.removeOwn') : t('rptTemplate.removeTitle', { name: r.name }),
      content: r.replacesInherited ? t('rptTemplate.removeOwnBody') : t('rptTemplate.removeBody'),
      okButtonProps: { danger: true },
      onOk: () => remove.mutateAsync(r.id).catch(showError),
    });
  return (
    <div data-testid="reply-templates">
      <PageHeader
        title={t('nav.reportsTemplates')}
        extra={
          <Button type="primary" onClick={() => setEditing({ template: null })} data-testid="template-create">
            {t('rptTemplate.create')}
          </Button>
        }
      />
      <SettingLevelNote level={list.data?.level} />
      <Card>
        <Table<ReplyTemplate>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items}
          pagination={false}
          onRow={(r) => testId(`template-row-${r.name}`)}
          columns={[
            { key: 'outcome', title: t('rptTemplate.outcome'), width: 130, render: (_, r) => <Tag>{t(`rptOutcome.${r.outcome}`)}</Tag> },
            { key: 'name', title: t('common.name'), width: 150, render: (_, r) => r.name },
            {
              key: 'body',
              title: t('rptTemplate.body'),
              render: (_, r) => (
                <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {r.body}
                </Typography.Paragraph>
              ),
            },
            { key: 'ph', title: t('rptTemplate.placeholders'), width: 200, render: (_, r) => <PlaceholderTags names={r.placeholders} /> },
            { key: 'active', title: t('common.status'), width: 80, render: (_, r) => (r.active ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>) },
            {
              key: 'source',
              title: t('settings.source'),
              width: 150,
              render: (_, r) => (
                <Flex vertical gap={2} align="start">
                  <SettingSourceTag source={r.source} />
                  {r.replacesInherited && <Typography.Text type="secondary">{t('settings.replacesInherited')}</Typography.Text>}
                </Flex>
              ),
            },
            { key: 'updated', title: t('rptTemplate.updatedAt'), width: 140, render: (_, r) => formatDateTime(r.updatedAt) },
            {
              key: 'actions',
              title: t('common.actions'),
              width: 130,
              render: (_, r) =>
                r.source.own ? (
                  <Flex gap={4}>
                    <Button size="small" type="link" onClick={() => setEditing({ template: r })} data-testid="template-edit">
                      {t('common.edit')}
                    </Button>
                    <Button size="small" type="link" danger onClick={() => onRemove(r)} data-testid="template-remove">
                      {r.replacesInherited ? t('settings.removeOwn') : t('rptTemplate.delete')}
                    </Button>
                  </Flex>
                ) : (
                  <Button size="small" type="link" onClick={() => setEditing({ template: r, overriding: true })} data-testid="template-override">
                    {t('settings.overrideInherited')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      {editing && <TemplateFormModal template={editing.template} overriding={editing.overriding} onClose={() => setEditing(null)} />}
    </div>
  );
}
