/** Shared page frame and the loading / error / empty states every page uses. */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { ApiError, apiErrorText } from './api.js';

/** A single readable column: the mobile-first frame of public and member pages. */
export function Page({ children, width = 720 }: { children: ReactNode; width?: number }) {
  return <div style={{ maxWidth: width, margin: '0 auto', padding: '16px 16px 48px' }}>{children}</div>;
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 64 }} role="status" aria-label={t('common:state.loading')}>
      <Spin size="large" />
    </div>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('common:state.notFoundTitle')}
      subTitle={t('common:state.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common:nav.home')}</Button>
        </Link>
      }
    />
  );
}

/** What went wrong, in the user's words: not signed in, not allowed, missing, or a failure to retry. */
export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 404) return <NotFound />;
  if (status === 401) {
    return (
      <Result
        status="403"
        title={t('common:state.signInTitle')}
        subTitle={t('common:state.signIn')}
        extra={
          <Link to={`/signin?next=${encodeURIComponent(location.pathname)}`}>
            <Button type="primary" size="large">
              {t('common:nav.signIn')}
            </Button>
          </Link>
        }
      />
    );
  }
  if (status === 403) {
    return <Result status="403" title={t('common:state.forbiddenTitle')} subTitle={t('common:state.forbidden')} />;
  }
  return (
    <Result
      status="error"
      title={t('common:state.errorTitle')}
      subTitle={error instanceof ApiError && error.code === 'network' ? t('common:state.offline') : t('common:state.error')}
      extra={retry && <Button onClick={retry}>{t('common:action.retry')}</Button>}
    />
  );
}

/** Fall-back text for an error we cannot place under a field. */
export function useErrorText() {
  const { t } = useTranslation();
  return (err: unknown): string => {
    if (!(err instanceof ApiError)) return t('common:state.error');
    return apiErrorText(err);
  };
}

/** A page that throws while rendering shows a way out instead of a blank screen. */
export class PageErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  componentDidUpdate(prev: { resetKey: string }) {
    // navigating elsewhere gives the next page a fresh start
    if (prev.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }

  render() {
    return this.state.failed ? <Crashed /> : this.props.children;
  }
}

function Crashed() {
  const { t } = useTranslation();
  return (
    <Result
      status="error"
      title={t('common:state.errorTitle')}
      subTitle={t('common:state.crashed')}
      extra={<Button onClick={() => window.location.reload()}>{t('common:action.reload')}</Button>}
    />
  );
}

/** The "load more" button under a keyset-paged list (useInfiniteQuery whose pages carry `nextCursor`). */
export function LoadMore({ query, label }: { query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown }; label?: string }) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <div style={{ textAlign: 'center', marginTop: 12 }}>
      <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
        {label ?? t('common:loadMore')}
      </Button>
    </div>
  );
}
