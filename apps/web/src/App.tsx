import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { I18nProvider } from './i18n';
import { LandingPage } from './pages/LandingPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PlainLoading } from './components/PlainLoading';

// The public page stays light: antd, react-query and everything behind sign-in load on demand.
const LoginPage = lazy(() => import('./pages/LoginPage').then((m) => ({ default: m.LoginPage })));
const ConsoleApp = lazy(() => import('./features/shell/ConsoleApp').then((m) => ({ default: m.ConsoleApp })));
// The report pages are public too, and just as light: plain markup, no antd.
const ReportPage = lazy(() => import('./pages/ReportPage').then((m) => ({ default: m.ReportPage })));
const ReportStatusPage = lazy(() => import('./pages/ReportStatusPage').then((m) => ({ default: m.ReportStatusPage })));
const TransparencyPage = lazy(() => import('./pages/TransparencyPage').then((m) => ({ default: m.TransparencyPage })));

export function App() {
  return (
    <I18nProvider>
      <BrowserRouter>
        <Suspense fallback={<PlainLoading />}>
          <Routes>
            <Route path="/" element={<LandingPage />} />
            <Route path="/report" element={<ReportPage />} />
            <Route path="/report/status" element={<ReportStatusPage />} />
            <Route path="/transparency" element={<TransparencyPage />} />
            <Route path="/login" element={<LoginPage />} />
            <Route path="/console/*" element={<ConsoleApp />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </BrowserRouter>
    </I18nProvider>
  );
}
