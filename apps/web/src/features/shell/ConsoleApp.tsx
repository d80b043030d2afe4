// First: the console's texts join the dictionaries before any console module renders.
import '../../i18n/console-messages';
import { lazy, type ComponentType, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AppProviders } from '../../components/AppProviders';
import { ComingSoonPage } from '../../pages/ComingSoonPage';
import { ConsoleNotFound } from '../../pages/ConsoleNotFound';
import { HomePage } from '../home/HomePage';
import { useCan } from '../../lib/session';
import { ConsoleLayout } from './ConsoleLayout';
import { RequirePermission } from './RequirePermission';
import { RequireSession } from './RequireSession';
import { UnauthorizedRedirect } from './UnauthorizedRedirect';
import { ADMIN_PAGES, CASEWORK_MODULES, consolePath, type ModuleEntry } from './modules';

/** Each page is its own chunk, so opening the console loads only the shell and the page in view. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const adminPages: Record<string, ComponentType> = {
  jurisdictions: page(() => import('../jurisdictions/JurisdictionsPage'), 'JurisdictionsPage'),
  units: page(() => import('../units/UnitsPage'), 'UnitsPage'),
  users: page(() => import('../users/UsersPage'), 'UsersPage'),
  roles: page(() => import('../roles/RolesPage'), 'RolesPage'),
  calendar: page(() => import('../calendar/CalendarPage'), 'CalendarPage'),
  'api-keys': page(() => import('../apikeys/ApiKeysPage'), 'ApiKeysPage'),
  audit: page(() => import('../audit/AuditPage'), 'AuditPage'),
};
/** Pages of built casework modules, by module key and page path (see modules.ts). */
const modulePages: Record<string, Record<string, ComponentType>> = {
  reports: {
    '': page(() => import('../reports/QueuePage'), 'QueuePage'),
    ':id': page(() => import('../reports/DetailPage'), 'DetailPage'),
    transfers: page(() => import('../reports/TransfersPage'), 'TransferInboxPage'),
    'transfer-tracking': page(() => import('../reports/TransfersPage'), 'TransferOutboxPage'),
    orders: page(() => import('../reports/OrdersPage'), 'OrderInboxPage'),
    'order-tracking': page(() => import('../reports/OrdersPage'), 'OrderTrackingPage'),
    templates: page(() => import('../reports/TemplatesPage'), 'TemplatesPage'),
    sla: page(() => import('../reports/SlaPage'), 'SlaPage'),
    'mine-trusted': page(() => import('../reports/TrustedPage'), 'TrustedPage'),
  },
  registry: {
    '': page(() => import('../registry/EntitiesPage'), 'EntitiesPage'),
    ':id': page(() => import('../registry/EntityPage'), 'EntityPage'),
    draws: page(() => import('../registry/DrawPage'), 'DrawPage'),
    import: page(() => import('../registry/ImportPage'), 'ImportPage'),
  },
  stats: {
    '': page(() => import('../stats/DashboardPage'), 'DashboardPage'),
    items: page(() => import('../stats/ItemsPage'), 'ItemsPage'),
    transparency: page(() => import('../stats/TransparencyAdminPage'), 'TransparencyAdminPage'),
  },
  patrol: {
    '': page(() => import('../patrol/QueuePage'), 'QueuePage'),
    items: page(() => import('../patrol/ItemsPage'), 'ItemsPage'),
    sources: page(() => import('../patrol/SourcesPage'), 'SourcesPage'),
    lexicon: page(() => import('../patrol/LexiconPage'), 'LexiconPage'),
    terms: page(() => import('../patrol/TermsPage'), 'TermsPage'),
  },
};
const ProfilePage = page(() => import('../profile/ProfilePage'), 'ProfilePage');
const NotificationsPage = page(() => import('../notifications/NotificationsPage'), 'NotificationsPage');

/**
 * A module's landing page, or — for a user who may not open it — the first of the module's pages they
 * may open (a partner department lands on its transfer inbox rather than on "forbidden").
 */
function ModuleLanding({ module: m, children }: { module: ModuleEntry; children: ReactNode }) {
  const can = useCan();
  const landing = m.pages?.find((p) => p.path === '');
  const first = m.pages?.find((p) => p.path !== '' && can(p.permission));
  if (landing && !can(landing.permission) && first) return <Navigate replace to={consolePath.module(m.key, first.path)} />;
  return <>{children}</>;
}

export function ConsoleApp() {
  return (
    <AppProviders>
      <UnauthorizedRedirect />
      <RequireSession>
        <Routes>
          <Route element={<ConsoleLayout />}>
            <Route index element={<HomePage />} />
            <Route path="profile" element={<ProfilePage />} />
            <Route path="notifications" element={<NotificationsPage />} />
            {CASEWORK_MODULES.map((m) =>
              m.pages ? (
                <Route key={m.key} path={m.key}>
                  {[...m.pages, ...(m.subPages ?? [])].map((p) => {
                    const Page = modulePages[m.key]?.[p.path];
                    if (!Page) return null;
                    const element = (
                      <RequirePermission permission={p.permission}>
                        <Page />
                      </RequirePermission>
                    );
                    return p.path ? (
                      <Route key={p.path} path={p.path} element={element} />
                    ) : (
                      <Route key="index" index element={<ModuleLanding module={m}>{element}</ModuleLanding>} />
                    );
                  })}
                </Route>
              ) : (
                <Route key={m.key} path={m.key} element={<ComingSoonPage label={m.label} />} />
              ),
            )}
            {ADMIN_PAGES.map((p) => {
              const Page = adminPages[p.key];
              return Page ? (
                <Route
                  key={p.key}
                  path={`admin/${p.key}`}
                  element={
                    <RequirePermission permission={p.permission}>
                      <Page />
                    </RequirePermission>
                  }
                />
              ) : null;
            })}
            <Route path="*" element={<ConsoleNotFound />} />
          </Route>
        </Routes>
      </RequireSession>
    </AppProviders>
  );
}
