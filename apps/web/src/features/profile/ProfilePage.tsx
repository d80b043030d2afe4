import { Col, Row } from 'antd';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { ChangePasswordCard } from './ChangePasswordCard';
import { DetailsCard } from './DetailsCard';
import { MyPermissionsCard } from './MyPermissionsCard';
import { SessionsCard } from './SessionsCard';

export function ProfilePage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('profile.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <DetailsCard />
        </Col>
        <Col xs={24} xl={10}>
          <ChangePasswordCard />
        </Col>
        <Col xs={24} xl={14}>
          <MyPermissionsCard />
        </Col>
        <Col xs={24} xl={10}>
          <SessionsCard />
        </Col>
      </Row>
    </>
  );
}
