import { Link } from 'react-router';
import { Alert, App, Button, Descriptions, Flex, Table, Typography } from 'antd';
import { useT } from '../../i18n';
import { formatDateTime, shortHash } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { useShowError } from '../../lib/use-show-error';
import { entityPath } from './EntitiesTable';
import { useVerifyDraw, type DrawTask, type DrawView } from './registry.api';
import { DueTag, TaskTag } from './RegistryTags';

/** The draw as recorded: seed, pools and their digest, and the inspection tasks it made. */
export function DrawResult({ draw, onReuse }: { draw: DrawView; onReuse: (draw: DrawView) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const verify = useVerifyDraw();
  const check = () =>
    verify.mutate(draw.id, {
      onSuccess: (r) => void (r.reproduced ? message.success(t('regDraw.reproduced')) : message.error(t('regDraw.notReproduced'))),
      onError: (err) => showError(err),
    });
  return (
    <Flex vertical gap={12} data-testid="draw-result">
      <Alert
        type="success"
        showIcon
        title={t('regDraw.doneTitle', { name: draw.name, tasks: draw.tasks.length })}
        description={
          <Flex vertical gap={4}>
            <span>
              {t('regDraw.seedIs')}
              <Typography.Text copyable={{ text: draw.seed }} className="reg-seed" data-testid="draw-seed-value">
                {draw.seed}
              </Typography.Text>
            </span>
            <Typography.Text type="secondary">{t('regDraw.seedExplain')}</Typography.Text>
          </Flex>
        }
      />
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'pools', label: t('regDraw.poolSizes'), children: t('regDraw.poolSizesValue', { entities: draw.entityPool, officers: draw.officerPool }) },
          { key: 'algo', label: t('regDraw.algorithm'), children: <span className="reg-mono">{draw.algorithm}</span> },
          { key: 'digest', label: t('regDraw.poolDigest'), children: <Typography.Text className="reg-mono" copyable={{ text: draw.poolDigest }}>{shortHash(draw.poolDigest)}</Typography.Text> },
          { key: 'by', label: t('regDraw.drawnBy'), children: `${draw.createdByName ?? '—'} · ${formatDateTime(draw.createdAt)}` },
        ]}
      />
      <Table<DrawTask>
        rowKey="id"
        size="small"
        pagination={draw.tasks.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        dataSource={draw.tasks}
        onRow={() => testId('draw-task-row')}
        columns={[
          { key: 'n', title: '#', width: 44, render: (_, __, i) => i + 1 },
          { key: 'entity', title: t('regDraw.entity'), ellipsis: true, render: (_, x) => <Link to={entityPath(x.entityId)}>{x.entityName}</Link> },
          { key: 'officers', title: t('regRecord.officers'), width: 200, render: (_, x) => x.officers.map((o) => o.name).join('、') },
          { key: 'due', title: t('regTask.dueAt'), width: 170, render: (_, x) => <DueTag dueAt={x.dueAt} status={x.state === 'open' ? x.deadlineStatus : null} /> },
          { key: 'state', title: t('common.status'), width: 80, render: (_, x) => <TaskTag state={x.state} /> },
        ]}
      />
      <Flex gap={8} wrap>
        <Button onClick={check} loading={verify.isPending} data-testid="draw-verify">{t('regDraw.verify')}</Button>
        <Button onClick={() => onReuse(draw)}>{t('regDraw.reuse')}</Button>
      </Flex>
    </Flex>
  );
}
