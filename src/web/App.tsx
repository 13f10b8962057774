import { Suspense, lazy } from 'react';
import { Navigate, RouterProvider, createBrowserRouter } from 'react-router-dom';
import { AuthProvider, useCurrentUser } from './auth/AuthContext.tsx';
import { FullPageLoading, RequireAuth } from './auth/RequireAuth.tsx';
import { PageLoading } from './components/PageLoading.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { ForcedPasswordChangePage } from './pages/account/ForcedPasswordChangePage.tsx';
import { ForbiddenPage, NotFoundPage } from './pages/errors/ErrorPages.tsx';
import type { AppRoute } from './routes.tsx';
import { flattenRoutes, homePathOf, routeAllowed } from './routes.tsx';

const AppLayout = lazy(() => import('./layout/AppLayout.tsx'));

function Guarded({ route }: { route: AppRoute }) {
  const user = useCurrentUser();
  if (!routeAllowed(route, user)) return <ForbiddenPage />;
  const Component = route.component;
  return (
    <Suspense fallback={<PageLoading />}>
      <Component />
    </Suspense>
  );
}

function RoleHome() {
  const user = useCurrentUser();
  return <Navigate to={homePathOf(user)} replace />;
}

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/change-password',
    element: (
      <RequireAuth passwordChangePage>
        <ForcedPasswordChangePage />
      </RequireAuth>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <Suspense fallback={<FullPageLoading />}>
          <AppLayout />
        </Suspense>
      </RequireAuth>
    ),
    children: [
      { index: true, element: <RoleHome /> },
      ...flattenRoutes().map((route) => ({ path: route.path.slice(1), element: <Guarded route={route} /> })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <AuthProvider>
      <Suspense fallback={<FullPageLoading />}>
        <RouterProvider router={router} />
      </Suspense>
    </AuthProvider>
  );
}
