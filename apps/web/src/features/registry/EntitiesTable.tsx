import { Link } from 'react-router';
import { Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { EntityListItem } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { consolePath } from '../shell/modules';
import { GradeTag, StatusTag, TypeTag } from './RegistryTags';
import type { EntityList } from './registry.api';

export const entityPath = (id: string) => consolePath.module('registry', id);

interface Props {
  data: EntityList | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
}

/** The identifier an officer recognizes an entity by: the ICP number, the address, the app or the account. */
export function mainIdentifier(e: Pick<EntityListItem, 'icpNo' | 'url' | 'appId' | 'accountId' | 'platformName'>): string | null {
  if (e.accountId) return e.platformName ? `${e.platformName} · ${e.accountId}` : e.accountId;
  return e.url ?? e.appId ?? e.icpNo ?? null;
}

export function EntitiesTable({ data, loading, page, pageSize, onPage }: Props) {
  const t = useT();
  return (
    <div data-testid="registry-table">
      <Table<EntityListItem>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items}
        scroll={{ x: 1450 }}
        onRow={(r) => testId(`registry-row-${r.name}`)}
        pagination={{ current: page, pageSize, total: data?.total, onChange: onPage, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (n) => t('common.total', { total: n }) }}
        columns={[
          {
            key: 'name',
            title: t('reg.name'),
            width: 220,
            fixed: 'left',
            ellipsis: { showTitle: false },
            render: (_, r) => (
              <Tooltip title={r.name} placement="topLeft">
                <Link to={entityPath(r.id)}>{r.name}</Link>
              </Tooltip>
            ),
          },
          { key: 'type', title: t('reg.type'), width: 104, render: (_, r) => <TypeTag type={r.type} /> },
          { key: 'grade', title: t('reg.grade'), width: 80, render: (_, r) => <GradeTag grade={r.grade} /> },
          {
            key: 'id',
            title: t('reg.identifier'),
            width: 230,
            ellipsis: { showTitle: false },
            render: (_, r) => {
              const id = mainIdentifier(r);
              return id ? (
                <Tooltip title={id} placement="topLeft">
                  <span className="reg-mono">{id}</span>
                </Tooltip>
              ) : (
                '—'
              );
            },
          },
          { key: 'icp', title: t('reg.icpNo'), width: 160, ellipsis: true, render: (_, r) => r.icpNo ?? '—' },
          { key: 'operator', title: t('reg.operator'), width: 170, ellipsis: true, render: (_, r) => r.operatorName ?? '—' },
          { key: 'jurisdiction', title: t('reg.jurisdiction'), width: 90, ellipsis: true, render: (_, r) => r.jurisdictionName },
          {
            key: 'tags',
            title: t('reg.tags'),
            width: 140,
            render: (_, r) => (
              <Flex gap={2} wrap>
                {r.tags.slice(0, 3).map((tag) => (
                  <Tag key={tag} bordered={false} style={{ marginInlineEnd: 0 }}>{tag}</Tag>
                ))}
                {r.tags.length > 3 && <Tooltip title={r.tags.slice(3).join('、')}><Tag bordered={false}>+{r.tags.length - 3}</Tag></Tooltip>}
              </Flex>
            ),
          },
          { key: 'officer', title: t('reg.officer'), width: 90, ellipsis: true, render: (_, r) => r.officerName ?? <Typography.Text type="secondary">{t('reg.noOfficer')}</Typography.Text> },
          { key: 'status', title: t('common.status'), width: 76, render: (_, r) => <StatusTag status={r.status} /> },
          { key: 'updated', title: t('reg.updatedAt'), width: 100, render: (_, r) => <Tooltip title={formatDateTime(r.updatedAt, true)}>{formatDateTime(r.updatedAt).slice(0, 10)}</Tooltip> },
        ]}
      />
    </div>
  );
}
