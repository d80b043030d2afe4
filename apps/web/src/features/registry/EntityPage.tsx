import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Badge, Button, Card, Col, Flex, Result, Row, Tabs } from 'antd';
import { useT } from '../../i18n';
import { errorText } from '../../lib/errors';
import { consolePath } from '../shell/modules';
import { CountsCard, ScorecardCard } from './EntityOverview';
import { EntityHeader } from './EntityHeader';
import { EntityTimeline } from './EntityTimeline';
import { InspectionModal } from './InspectionModal';
import { InterviewModal } from './InterviewModal';
import { PledgeModal } from './PledgeModal';
import { InspectionsList, InterviewsList, PledgesList, ReportsList, TasksList } from './RecordSections';
import { uniqueOfficers } from './record-form';
import { useEntityPage, type EntityPage as PageData } from './registry.api';
import './registry.css';

type Task = PageData['tasks'][number];
type Dialog = { kind: 'inspection'; task?: Task } | { kind: 'interview' } | { kind: 'pledge' } | null;

const tabLabel = (text: string, count: number) => (
  <Flex gap={6} align="center">
    {text}
    <Badge count={count} showZero color={count ? '#1677ff' : '#d9d9d9'} size="small" />
  </Flex>
);

/** 台账对象: header and grade, counts and scorecard, the records kept on it, and its timeline. */
export function EntityPage() {
  const t = useT();
  const { id = '' } = useParams();
  const query = useEntityPage(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [tab, setTab] = useState('inspections');
  const back = (
    <Link to={consolePath.module('registry')}>
      <Button>{t('reg.back')}</Button>
    </Link>
  );

  if (query.isPending) return <Card loading />;
  if (query.isError) return <Result status="warning" title={errorText(t, query.error)} extra={back} />;
  const page = query.data;
  const e = page.entity;
  const canRecord = e.allowedActions.includes('record');
  const known = uniqueOfficers([...page.tasks, ...page.inspections, ...page.interviews].flatMap((r) => r.officers));
  const recordButtons = canRecord && (
    <Flex gap={8} wrap>
      <Button size="small" type="primary" onClick={() => setDialog({ kind: 'inspection' })} data-testid="record-inspection">{t('regRecord.addInspection')}</Button>
      <Button size="small" onClick={() => setDialog({ kind: 'interview' })} data-testid="record-interview">{t('regRecord.addInterview')}</Button>
      <Button size="small" onClick={() => setDialog({ kind: 'pledge' })} data-testid="record-pledge">{t('regRecord.addPledge')}</Button>
    </Flex>
  );

  return (
    <div data-testid="entity-page">
      <Link to={consolePath.module('registry')} style={{ display: 'inline-block', marginBottom: 8 }}>
        ← {t('reg.back')}
      </Link>
      <EntityHeader entity={e} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <CountsCard counts={page.counts} />
            <ScorecardCard scorecard={page.scorecard} />
            <Card size="small" className="reg-section" title={t('regRecord.title')} extra={recordButtons} styles={{ body: { paddingTop: 0 } }}>
              <Tabs
                activeKey={tab}
                onChange={setTab}
                items={[
                  { key: 'inspections', label: tabLabel(t('regRecord.inspections'), page.inspections.length), children: <InspectionsList page={page} canRecord={canRecord} /> },
                  { key: 'interviews', label: tabLabel(t('regRecord.interviews'), page.interviews.length), children: <InterviewsList page={page} canRecord={canRecord} /> },
                  { key: 'pledges', label: tabLabel(t('regRecord.pledges'), page.pledges.length), children: <PledgesList page={page} /> },
                  {
                    key: 'tasks',
                    label: tabLabel(t('regRecord.tasks'), page.tasks.length),
                    children: <TasksList page={page} canRecord={canRecord} onInspect={(task) => setDialog({ kind: 'inspection', task })} />,
                  },
                  { key: 'reports', label: tabLabel(t('regRecord.reports'), page.reports.length), children: <ReportsList page={page} /> },
                ]}
              />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <EntityTimeline timeline={page.timeline} />
        </Col>
      </Row>
      {dialog?.kind === 'inspection' && <InspectionModal entityId={e.id} task={dialog.task} known={known} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'interview' && <InterviewModal entityId={e.id} known={known} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'pledge' && <PledgeModal entityId={e.id} onClose={() => setDialog(null)} />}
    </div>
  );
}
