import { useMemo, useSyncExternalStore } from 'react';

function subscribe(query: string) {
  return (onChange: () => void) => {
    const list = window.matchMedia(query);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  };
}

/** True while the media query matches; read synchronously so the first render already has the right layout. */
export function useMediaQuery(query: string): boolean {
  const onSubscribe = useMemo(() => subscribe(query), [query]);
  return useSyncExternalStore(
    onSubscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** Phones and narrow windows (below antd's `md` breakpoint, 768 px): cards instead of tables, a drawer menu. */
export function useIsMobile(): boolean {
  return useMediaQuery('(max-width: 767.98px)');
}
