import { Col, Flex, Row, Typography } from 'antd';
import { useT } from '../../i18n';
import { formatDateTime, officeHour } from '../../lib/format';
import { useMe } from '../../lib/session';
import { workplaceLabel } from '../shell/HeaderBar';
import { MyUnitCard } from './MyUnitCard';
import { QuickLinks } from './QuickLinks';
import { TodoCard } from './TodoCard';
import { UnreadCard } from './UnreadCard';

export function HomePage() {
  const t = useT();
  const me = useMe();
  const hour = officeHour();
  const greeting = hour < 12 ? 'home.morning' : hour < 18 ? 'home.afternoon' : 'home.evening';

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="home-greeting">
          {t(greeting, { name: me.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">
          {workplaceLabel(me)}
          {me.lastLoginAt && ` · ${t('home.lastLogin', { time: formatDateTime(me.lastLoginAt) })}`}
        </Typography.Text>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <TodoCard />
        </Col>
        <Col xs={24} lg={12}>
          <MyUnitCard />
        </Col>
        <Col xs={24} lg={12}>
          <UnreadCard />
        </Col>
        <Col span={24}>
          <QuickLinks />
        </Col>
      </Row>
    </Flex>
  );
}
