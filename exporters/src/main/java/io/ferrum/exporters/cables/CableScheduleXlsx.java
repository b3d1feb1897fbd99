package io.ferrum.exporters.cables;

import io.ferrum.exporters.Export;
import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.FileNames;
import io.ferrum.model.inventory.SiteInventory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The cable schedule as a spreadsheet: same columns as the CSV, U and length as numbers so they sort and
 * sum, a bold filled header frozen above an autofilter.
 */
public final class CableScheduleXlsx implements Export {

    private static final int U_COLUMN_A = 2;
    private static final int U_COLUMN_B = 6;
    private static final int LENGTH_COLUMN = 11;

    @Override
    public String kind() {
        return "cable-schedule-xlsx";
    }

    @Override
    public String contentType() {
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }

    @Override
    public String fileName(SiteInventory inventory, ExportOptions options) {
        return FileNames.of(inventory, "cable-schedule", "xlsx");
    }

    @Override
    public byte[] render(SiteInventory inventory, ExportOptions options) {
        List<CableScheduleRow> rows = CableSchedule.rows(inventory);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Date fixed = Date.from(options.documentDate());
            var core = workbook.getProperties().getCoreProperties();
            core.setCreated(Optional.of(fixed));
            core.setModified(Optional.of(fixed));
            core.setCreator("Ferrum");
            core.setTitle("Cable schedule " + inventory.site().code());

            XSSFSheet sheet = workbook.createSheet("Cables");
            int[] widths = writeHeader(sheet, headerStyle(workbook));
            writeRows(sheet, rows, widths, workbook);
            for (int column = 0; column < widths.length; column++) {
                // width in 1/256 of a character; capped so one odd value cannot make a column unprintable
                sheet.setColumnWidth(column, Math.min(widths[column] + 3, 60) * 256);
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, rows.size(), 0, CableScheduleCsv.HEADER.size() - 1));

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            return ReproducibleZip.withFixedTimes(bytes.toByteArray(), options.documentDate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CellStyle headerStyle(XSSFWorkbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        bold.setColor(IndexedColors.WHITE.getIndex());
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.DARK_BLUE.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(BorderStyle.THIN);
        return style;
    }

    private static int[] writeHeader(XSSFSheet sheet, CellStyle style) {
        List<String> header = CableScheduleCsv.HEADER;
        int[] widths = new int[header.size()];
        Row row = sheet.createRow(0);
        for (int column = 0; column < header.size(); column++) {
            Cell cell = row.createCell(column);
            cell.setCellValue(header.get(column));
            cell.setCellStyle(style);
            widths[column] = header.get(column).length() + 2; // room for the filter button
        }
        return widths;
    }

    private static void writeRows(XSSFSheet sheet, List<CableScheduleRow> rows, int[] widths, XSSFWorkbook workbook) {
        CellStyle lengthStyle = workbook.createCellStyle();
        lengthStyle.setDataFormat(workbook.createDataFormat().getFormat("0.0#"));
        int index = 1;
        for (CableScheduleRow scheduleRow : rows) {
            Row row = sheet.createRow(index++);
            List<String> fields = CableScheduleCsv.fields(scheduleRow);
            for (int column = 0; column < fields.size(); column++) {
                String value = fields.get(column);
                widths[column] = Math.max(widths[column], value.length());
                if (value.isEmpty()) {
                    continue;
                }
                Cell cell = row.createCell(column);
                if (column == U_COLUMN_A || column == U_COLUMN_B) {
                    cell.setCellValue(Integer.parseInt(value));
                } else if (column == LENGTH_COLUMN) {
                    cell.setCellValue(scheduleRow.lengthM().doubleValue());
                    cell.setCellStyle(lengthStyle);
                } else {
                    cell.setCellValue(value);
                }
            }
        }
    }
}
