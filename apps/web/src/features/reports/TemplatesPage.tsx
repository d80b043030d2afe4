import { useState } from 'react';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { PlaceholderTags } from './PlaceholderTags';
import { TemplateFormModal } from './TemplateFormModal';
import { useReplyTemplates, type ReplyTemplate } from './templates.api';
import './reports.css';

/** 答复模板: the texts reporters are told, one set per outcome. */
export function TemplatesPage() {
  const t = useT();
  const list = useReplyTemplates();
  const [editing, setEditing] = useState<ReplyTemplate | 'new' | null>(null);
  return (
    <div data-testid="reply-templates">
      <PageHeader
        title={t('nav.reportsTemplates')}
        extra={
          <Button type="primary" onClick={() => setEditing('new')} data-testid="template-create">
            {t('rptTemplate.create')}
          </Button>
        }
      />
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
            { key: 'updated', title: t('rptTemplate.updatedAt'), width: 140, render: (_, r) => formatDateTime(r.updatedAt) },
            {
              key: 'actions',
              title: t('common.actions'),
              width: 80,
              render: (_, r) => (
                <Button size="small" type="link" onClick={() => setEditing(r)} data-testid="template-edit">
                  {t('common.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {editing && <TemplateFormModal template={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
