import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, setCsrfToken, setUnauthorizedHandler } from '../api/client.ts';
import type { CurrentUser, Permission, Role, SessionResponse } from '../api/types.ts';

export type AuthStatus = 'loading' | 'anonymous' | 'authenticated';

export interface AuthValue {
  status: AuthStatus;
  user: CurrentUser | null;
  /** Why the user is back at the login page (session expired …), shown once there. */
  notice: string | null;
  /** The user signed out on purpose: the login page need not offer to return to the last page. */
  signedOut: boolean;
  login(username: string, password: string): Promise<CurrentUser>;
  logout(): Promise<void>;
  /** Read the session again (after a password change, for instance). */
  refresh(): Promise<CurrentUser | null>;
  can(permission: Permission): boolean;
  is(...roles: Role[]): boolean;
  clearNotice(): void;
}

const AuthContext = createContext<AuthValue | null>(null);

/** Restores the session at page load with `GET /api/auth/me` and keeps the CSRF token for the API client. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus>('loading');
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [signedOut, setSignedOut] = useState(false);

  const accept = useCallback((session: SessionResponse) => {
    setCsrfToken(session.csrfToken);
    setUser(session.user);
    setStatus('authenticated');
    return session.user;
  }, []);

  const forget = useCallback(() => {
    setCsrfToken(null);
    setUser(null);
    setStatus('anonymous');
  }, []);

  const refresh = useCallback(async () => {
    try {
      return accept(await api.get<SessionResponse>('/api/auth/me', undefined, { noAuthRedirect: true }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        forget();
        return null;
      }
      throw error;
    }
  }, [accept, forget]);

  useEffect(() => {
    let active = true;
    api
      .get<SessionResponse>('/api/auth/me', undefined, { noAuthRedirect: true })
      .then((session) => {
        if (active) accept(session);
      })
      .catch((error: unknown) => {
        if (!active) return;
        forget();
        if (!(error instanceof ApiError && error.status === 401)) {
          setNotice(error instanceof ApiError ? error.detail : '无法连接服务器，请稍后重试');
        }
      });
    return () => {
      active = false;
    };
  }, [accept, forget]);

  useEffect(() => {
    setUnauthorizedHandler((detail) => {
      setNotice(detail || '登录已过期，请重新登录');
      forget();
    });
    return () => setUnauthorizedHandler(null);
  }, [forget]);

  const login = useCallback(
    async (username: string, password: string) => {
      const session = await api.post<SessionResponse>(
        '/api/auth/login',
        { username, password },
        { noAuthRedirect: true },
      );
      setNotice(null);
      setSignedOut(false);
      return accept(session);
    },
    [accept],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', undefined, { noAuthRedirect: true });
    } catch {
      // The session may already be gone on the server; signing out locally is what matters.
    } finally {
      setSignedOut(true);
      setNotice(null);
      forget();
    }
  }, [forget]);

  const value = useMemo<AuthValue>(
    () => ({
      status,
      user,
      notice,
      signedOut,
      login,
      logout,
      refresh,
      can: (permission) => user?.permissions.includes(permission) ?? false,
      is: (...roles) => (user ? roles.includes(user.role) : false),
      clearNotice: () => setNotice(null),
    }),
    [status, user, notice, signedOut, login, logout, refresh],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth 必须在 AuthProvider 内使用');
  return value;
}

/** The signed-in user; only for components rendered behind RequireAuth. */
export function useCurrentUser(): CurrentUser {
  const { user } = useAuth();
  if (!user) throw new Error('未登录');
  return user;
}
