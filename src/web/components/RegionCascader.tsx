import { useEffect, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import { Cascader } from 'antd';
import type { Region, RegionLevel } from '../api/types.ts';
import { fetchChildren, fetchRegion, fetchZones, pickerRoots } from '../api/regions.ts';
import { useCurrentUser } from '../auth/AuthContext.tsx';

interface Option {
  value: string;
  label: string;
  level: RegionLevel;
  isLeaf: boolean;
  children?: Option[];
  loading?: boolean;
}

const DEPTH: Record<RegionLevel, number> = {
  province: 0,
  city: 1,
  zone: 2,
  county: 2,
  township: 3,
  village: 4,
  grid: 5,
  building: 6,
};

export interface RegionCascaderProps {
  /** A region code (the deepest level chosen), or null. */
  value?: string | null;
  onChange?: (code: string | null) => void;
  /** 'below': a city-wide user starts at the counties; 'node': the user's own region is the top entry. */
  mode?: 'below' | 'node';
  /** Offer the functional zones (高新区 …) beside the counties. */
  includeZones?: boolean;
  /** The deepest level offered, e.g. 'township' for list filters. */
  maxLevel?: RegionLevel;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  style?: CSSProperties;
  id?: string;
  'aria-label'?: string;
}

/** County → township → village (community) → grid → building, loaded level by level from `GET /api/regions`. */
export function RegionCascader({
  value,
  onChange,
  mode = 'below',
  includeZones = false,
  maxLevel = 'building',
  placeholder = '请选择区域',
  disabled,
  allowClear = true,
  style,
  id,
  'aria-label': ariaLabel,
}: RegionCascaderProps) {
  const user = useCurrentUser();
  const [options, setOptions] = useState<Option[]>([]);
  const [path, setPath] = useState<string[]>([]);
  const [loadingRoots, setLoadingRoots] = useState(true);
  const optionsRef = useRef<Option[]>([]);

  const toOption = (r: Region): Option => ({
    value: r.code,
    label: r.name,
    level: r.level,
    // Zones list their townships although the server reports no children for them.
    isLeaf: !(r.hasChildren || r.level === 'zone') || DEPTH[r.level] >= DEPTH[maxLevel],
  });

  const publish = () => {
    optionsRef.current = [...optionsRef.current];
    setOptions(optionsRef.current);
  };

  const loadChildren = async (option: Option) => {
    if (option.children || option.isLeaf) return;
    const children = await fetchChildren(option.value);
    option.children = children.filter((c) => DEPTH[c.level] <= DEPTH[maxLevel]).map(toOption);
    if (option.children.length === 0) option.isLeaf = true;
  };

  // Roots once per user and shape.
  useEffect(() => {
    let active = true;
    setLoadingRoots(true);
    (async () => {
      const roots = await pickerRoots(user, mode);
      const zones = includeZones && !roots.some((r) => r.level === 'zone') ? await fetchZones() : [];
      if (!active) return;
      optionsRef.current = [...roots, ...zones].map(toOption);
      setOptions(optionsRef.current);
    })()
      .catch(() => {
        if (active) setOptions([]);
      })
      .finally(() => {
        if (active) setLoadingRoots(false);
      });
    return () => {
      active = false;
    };
    // toOption depends only on maxLevel.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [user, mode, includeZones, maxLevel]);

  // The path of codes for the value, loading each level so the labels show.
  useEffect(() => {
    if (loadingRoots) return;
    if (!value) {
      setPath([]);
      return;
    }
    if (path[path.length - 1] === value) return;
    let active = true;
    (async () => {
      const roots = optionsRef.current;
      let chain: string[] = [value];
      const rootHit = roots.find((r) => r.value === value);
      if (!rootHit) {
        const detail = await fetchRegion(value);
        const full = [...detail.ancestors.map((a) => a.code), value];
        const start = full.findIndex((code) => roots.some((r) => r.value === code));
        if (start >= 0) {
          chain = full.slice(start);
        } else {
          const zone = roots.find((r) => r.level === 'zone' && r.value === detail.zoneCode);
          const township = full.find((code) => code.length === 9);
          if (zone && township) chain = [zone.value, ...full.slice(full.indexOf(township))];
        }
      }
      let level = roots;
      for (const code of chain.slice(0, -1)) {
        const option = level.find((o) => o.value === code);
        if (!option) break;
        await loadChildren(option);
        level = option.children ?? [];
      }
      if (!active) return;
      publish();
      setPath(chain);
    })().catch(() => {
      if (active) setPath([value]);
    });
    return () => {
      active = false;
    };
    // loadChildren and publish only touch refs and state setters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, loadingRoots]);

  return (
    <Cascader
      id={id}
      aria-label={ariaLabel}
      style={{ width: '100%', ...style }}
      options={options}
      value={path}
      placeholder={loadingRoots ? '正在加载区域…' : placeholder}
      disabled={disabled}
      allowClear={allowClear}
      changeOnSelect
      notFoundContent="暂无可选区域"
      displayRender={(labels) => labels.join(' / ')}
      loadData={(selected) => {
        const target = selected[selected.length - 1] as Option | undefined;
        if (!target) return;
        target.loading = true;
        publish();
        void loadChildren(target)
          .catch(() => {
            target.isLeaf = true;
          })
          .finally(() => {
            target.loading = false;
            publish();
          });
      }}
      onChange={(next) => {
        const codes = (next ?? []) as string[];
        setPath(codes);
        onChange?.(codes.length ? codes[codes.length - 1]! : null);
      }}
    />
  );
}
