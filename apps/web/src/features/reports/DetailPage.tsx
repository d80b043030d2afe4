import { Link, useParams } from 'react-router';
import { Button, Card, Col, Flex, Result, Row } from 'antd';
import { useT } from '../../i18n';
import { errorText } from '../../lib/errors';
import { consolePath } from '../shell/modules';
import { AssessmentSection } from './AssessmentSection';
import { ClusterSection } from './ClusterSection';
import { ContentSection } from './ContentSection';
import { DetailHeader } from './DetailHeader';
import { DisposalsSection } from './DisposalsSection';
import { ReporterSection } from './ReporterSection';
import { useReport } from './reports.api';
import { OrdersSection, TransfersSection } from './SubcaseSections';
import { TimelineSection } from './TimelineSection';
import './reports.css';

/** 举报详情: everything about one report, the actions open now, and its event log. */
export function DetailPage() {
  const t = useT();
  const { id = '' } = useParams();
  const report = useReport(id);
  const back = (
    <Link to={consolePath.module('reports')}>
      <Button>{t('rptDetail.back')}</Button>
    </Link>
  );

  if (report.isPending) return <Card loading />;
  if (report.isError) return <Result status="warning" title={errorText(t, report.error)} extra={back} />;
  const r = report.data;
  return (
    <div data-testid="report-detail">
      <Link to={consolePath.module('reports')} style={{ display: 'inline-block', marginBottom: 8 }}>
        ← {t('rptDetail.back')}
      </Link>
      <DetailHeader report={r} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <ContentSection report={r} />
            <ReporterSection report={r} />
            <ClusterSection report={r} />
            <AssessmentSection report={r} />
            <DisposalsSection report={r} />
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <TimelineSection report={r} />
        </Col>
        {/* Sub-cases get the full width: their tables carry answers, rechecks and deadlines side by side. */}
        <Col span={24}>
          <TransfersSection report={r} />
        </Col>
        <Col span={24}>
          <OrdersSection report={r} />
        </Col>
      </Row>
    </div>
  );
}
