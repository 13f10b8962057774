import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';

export interface SheetColumn {
  header: string;
  width: number;
}

export interface ExportStamp {
  /** Who exported and when: personal-data exports must carry both (design.md §6). */
  exportedBy: string;
  exportedAt: Date;
  scope?: string;
}

const shanghaiTime = (d: Date) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'short',
    timeStyle: 'medium',
    hour12: false,
  }).format(d);

/**
 * A streamed .xlsx with a title row, a stamp row (导出人、导出时间) and a header row, then the data rows.
 * Streaming keeps a million-row export in constant memory.
 */
export async function writeSheet(
  file: string,
  title: string,
  columns: readonly SheetColumn[],
  stamp: ExportStamp,
  rows: AsyncIterable<readonly (string | number | null)[]>,
  onRow?: (count: number) => Promise<void> | void,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: createWriteStream(file),
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = '双胜平台';
  const sheet = workbook.addWorksheet(title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const titleRow = sheet.addRow([title]);
  titleRow.font = { bold: true, size: 14 };
  titleRow.commit();
  sheet
    .addRow([
      `导出人：${stamp.exportedBy}\u3000导出时间：${shanghaiTime(stamp.exportedAt)}${stamp.scope ? `\u3000范围：${stamp.scope}` : ''}`,
    ])
    .commit();
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  let count = 0;
  for await (const values of rows) {
    sheet.addRow([...values]).commit();
    count++;
    if (onRow && count % 1000 === 0) await onRow(count);
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
