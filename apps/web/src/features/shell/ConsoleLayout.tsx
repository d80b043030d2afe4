import { Suspense, useEffect } from 'react';
import { Outlet } from 'react-router';
import { Flex, Layout, Spin, Typography } from 'antd';
import { useT } from '../../i18n';
import { HeaderBar } from './HeaderBar';
import { SideMenu } from './SideMenu';

export function ConsoleLayout() {
  const t = useT();
  useEffect(() => {
    document.title = t('app.consoleTitle');
  }, [t]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} breakpoint="lg" collapsedWidth={0}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, padding: '18px 24px', letterSpacing: 4 }}>
          {t('app.name')}
        </Typography.Title>
        <SideMenu />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', borderBottom: '1px solid #f0f0f0' }}>
          <HeaderBar />
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense
            fallback={
              <Flex justify="center" style={{ padding: 48 }}>
                <Spin />
              </Flex>
            }
          >
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
