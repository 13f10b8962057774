import ExcelJS from 'exceljs';
import type { CellValue } from '../../domain/spreadsheet/cells.ts';

/**
 * Rows of the first worksheet of an .xlsx file, streamed so a 100,000-row file never sits in memory whole.
 * Each row is its cells from column A, with its 1-based row number.
 */
export async function* readFirstSheetRows(file: string): AsyncGenerator<{ rowNumber: number; cells: CellValue[] }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  } as Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>);
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = row.values as CellValue[];
      yield { rowNumber: row.number, cells: Array.isArray(values) ? Array.from(values.slice(1)) : [] };
    }
    return;
  }
}
