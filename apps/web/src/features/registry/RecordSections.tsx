import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Descriptions, Empty, Flex, Table, Typography } from 'antd';
import { REPORT_STATES, type ReportState } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { consolePath } from '../shell/modules';
import { FileLink } from './FileField';
import { FollowUpModal } from './FollowUpModal';
import type { EntityPage } from './registry.api';
import { DueTag, RectificationTag, TaskTag } from './RegistryTags';

type Rectification = EntityPage['inspections'][number]['rectifications'][number];

/** The follow-ups of an item, oldest first: progress notes, then the conclusion. */
function FollowUps({ item }: { item: Rectification }) {
  const t = useT();
  return (
    <Flex vertical gap={4}>
      {item.followUps.map((f) => (
        <Flex vertical key={f.id} data-testid="rectification-followup-entry">
          <span className="reg-text">
            <Typography.Text type={f.kind === 'progress' ? 'secondary' : undefined} strong={f.kind !== 'progress'}>{t(`regFollowUp.${f.kind}`)}</Typography.Text>
            {'：'}{f.note}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('regRect.followUpBy', { name: f.actorName ?? t('reg.system'), time: formatDateTime(f.at) })}</Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}

/** 整改事项 of one inspection or interview, each with its deadline, progress notes and conclusion. */
function Rectifications({ items, canRecord }: { items: Rectification[]; canRecord: boolean }) {
  const t = useT();
  const [open, setOpen] = useState<{ item: Rectification; mode: 'close' | 'progress' } | null>(null);
  if (items.length === 0) return <Typography.Text type="secondary">{t('regRect.none')}</Typography.Text>;
  return (
    <>
      <Table<Rectification>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        onRow={() => testId('rectification-row')}
        columns={[
          { key: 'd', title: t('regRect.description'), render: (_, r) => <span className="reg-text">{r.description}</span> },
          { key: 'due', title: t('regRect.dueAt'), width: 170, render: (_, r) => <DueTag dueAt={r.dueAt} status={r.state === 'open' ? r.deadlineStatus : null} /> },
          { key: 'state', title: t('common.status'), width: 90, render: (_, r) => <RectificationTag state={r.state} /> },
          {
            key: 'follow',
            title: t('regRect.followUp'),
            width: 280,
            render: (_, r) => (
              <Flex vertical gap={6}>
                {r.followUps.length > 0 && <FollowUps item={r} />}
                {canRecord && r.state === 'open' ? (
                  <Flex gap={8}>
                    <Button size="small" onClick={() => setOpen({ item: r, mode: 'progress' })} data-testid="rectification-progress">{t('regRect.progressButton')}</Button>
                    <Button size="small" onClick={() => setOpen({ item: r, mode: 'close' })} data-testid="rectification-followup">{t('regRect.followUpButton')}</Button>
                  </Flex>
                ) : r.followUps.length === 0 ? (
                  '—'
                ) : null}
              </Flex>
            ),
          },
        ]}
      />
      {open && <FollowUpModal rectificationId={open.item.id} description={open.item.description} mode={open.mode} onClose={() => setOpen(null)} />}
    </>
  );
}

const names = (list: { name: string }[]) => list.map((o) => o.name).join('、');

export function InspectionsList({ page, canRecord }: { page: EntityPage; canRecord: boolean }) {
  const t = useT();
  if (page.inspections.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('regRecord.noInspections')} />;
  return (
    <Flex vertical gap={12}>
      {page.inspections.map((i) => (
        <div key={i.id} className="reg-record" data-testid="inspection-record">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'on', label: t('regRecord.inspectedOn'), children: i.inspectedOn },
              { key: 'officers', label: t('regRecord.officers'), children: names(i.officers) },
              { key: 'file', label: t('regRecord.inspectionFile'), children: <FileLink entityId={i.entityId} file={i.file} /> },
              { key: 'findings', label: t('regRecord.findings'), span: 'filled', children: <span className="reg-text">{i.findings}</span> },
            ]}
          />
          <Rectifications items={i.rectifications} canRecord={canRecord} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('regRecord.recordedBy', { name: i.createdByName ?? t('reg.system'), time: formatDateTime(i.createdAt) })}
            {i.taskId && ` · ${t('regRecord.fromTask')}`}
          </Typography.Text>
        </div>
      ))}
    </Flex>
  );
}

export function InterviewsList({ page, canRecord }: { page: EntityPage; canRecord: boolean }) {
  const t = useT();
  if (page.interviews.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('regRecord.noInterviews')} />;
  return (
    <Flex vertical gap={12}>
      {page.interviews.map((i) => (
        <div key={i.id} className="reg-record" data-testid="interview-record">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'on', label: t('regRecord.heldOn'), children: i.heldOn },
              { key: 'officers', label: t('regRecord.officers'), children: names(i.officers) },
              { key: 'file', label: t('regRecord.recordFile'), children: <FileLink entityId={i.entityId} file={i.recordFile} /> },
              { key: 'persons', label: t('regRecord.persons'), span: 'filled', children: i.persons.map((p) => (p.position ? `${p.name}（${p.position}）` : p.name)).join('、') },
              { key: 'grounds', label: t('regRecord.grounds'), span: 'filled', children: <span className="reg-text">{i.grounds}</span> },
            ]}
          />
          <Rectifications items={i.rectifications} canRecord={canRecord} />
        </div>
      ))}
    </Flex>
  );
}

export function PledgesList({ page }: { page: EntityPage }) {
  const t = useT();
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={page.pledges}
      locale={{ emptyText: t('regRecord.noPledges') }}
      columns={[
        { key: 'on', title: t('regRecord.signedOn'), width: 120, render: (_, p) => p.signedOn },
        { key: 'signer', title: t('regRecord.signer'), width: 140, render: (_, p) => p.signer ?? '—' },
        { key: 'file', title: t('regRecord.pledgeFile'), render: (_, p) => <FileLink entityId={p.entityId} file={p.file} /> },
        { key: 'note', title: t('reg.note'), render: (_, p) => p.note ?? '—' },
        { key: 'by', title: t('regRecord.recordedByShort'), width: 160, render: (_, p) => `${p.createdByName ?? '—'} · ${formatDateTime(p.createdAt).slice(0, 10)}` },
      ]}
    />
  );
}

type Task = EntityPage['tasks'][number];

/** 抽查任务 drawn for this entity; an open one is fulfilled by recording its inspection. */
export function TasksList({ page, canRecord, onInspect }: { page: EntityPage; canRecord: boolean; onInspect: (task: Task) => void }) {
  const t = useT();
  return (
    <Table<Task>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={page.tasks}
      locale={{ emptyText: t('regTask.none') }}
      columns={[
        { key: 'officers', title: t('regRecord.officers'), render: (_, x) => names(x.officers) },
        { key: 'due', title: t('regTask.dueAt'), width: 180, render: (_, x) => <DueTag dueAt={x.dueAt} status={x.state === 'open' ? x.deadlineStatus : null} /> },
        { key: 'state', title: t('common.status'), width: 90, render: (_, x) => <TaskTag state={x.state} /> },
        {
          key: 'act',
          title: t('common.actions'),
          width: 120,
          render: (_, x) =>
            x.state === 'open' && canRecord ? (
              <Button size="small" type="primary" onClick={() => onInspect(x)} data-testid="task-inspect">{t('regTask.inspect')}</Button>
            ) : null,
        },
      ]}
    />
  );
}

export function ReportsList({ page }: { page: EntityPage }) {
  const t = useT();
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={page.reports.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      dataSource={page.reports}
      locale={{ emptyText: t('regRecord.noReports') }}
      columns={[
        { key: 'no', title: t('regRecord.trackingNo'), render: (_, r) => <Link to={consolePath.module('reports', r.id)} className="reg-mono">{r.trackingNo}</Link> },
        { key: 'state', title: t('common.status'), width: 100, render: (_, r) => (isReportState(r.state) ? t(`rptState.${r.state}`) : r.state) },
        { key: 'at', title: t('regRecord.submittedAt'), width: 160, render: (_, r) => formatDateTime(r.submittedAt) },
      ]}
    />
  );
}

const isReportState = (s: string): s is ReportState => (REPORT_STATES as readonly string[]).includes(s);
