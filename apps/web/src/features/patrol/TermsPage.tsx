import { Col, Row } from 'antd';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { TermChecker } from './TermChecker';
import { TermList } from './TermList';

/** 不规范表述: the checker for anyone preparing a post, and the list it checks against. */
export function TermsPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('nav.patrolTerms')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <TermChecker />
        </Col>
        <Col xs={24} xl={10}>
          <TermList />
        </Col>
      </Row>
    </>
  );
}
