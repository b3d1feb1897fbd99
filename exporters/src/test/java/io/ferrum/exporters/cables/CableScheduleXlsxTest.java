package io.ferrum.exporters.cables;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.fixtures.TinySite;
import io.ferrum.exporters.support.Csv;
import io.ferrum.model.inventory.SiteInventory;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class CableScheduleXlsxTest {

    private final SiteInventory site = TinySite.inventory();

    @Test
    void readsBackAsTheSameRowsAsTheCsv() throws Exception {
        List<List<String>> csv = Csv.parse(new CableScheduleCsv().render(site, ExportOptions.defaults()));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                new CableScheduleXlsx().render(site, ExportOptions.defaults())))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(site.cables().size());
            DataFormatter text = new DataFormatter();
            for (int r = 0; r < csv.size(); r++) {
                for (int c = 0; c < csv.get(r).size(); c++) {
                    Cell cell = sheet.getRow(r).getCell(c);
                    String value = cell == null ? "" : text.formatCellValue(cell);
                    if (r > 0 && c == 11) {
                        assertThat(cell.getNumericCellValue()).isEqualTo(Double.parseDouble(csv.get(r).get(c)));
                    } else {
                        assertThat(value).as("row %d column %d", r, c).isEqualTo(csv.get(r).get(c));
                    }
                }
            }
            assertThat(sheet.getRow(1).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
        }
    }

    @Test
    void headerIsStyledFrozenAndFiltered() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                new CableScheduleXlsx().render(site, ExportOptions.defaults())))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            Cell header = sheet.getRow(0).getCell(0);
            assertThat(workbook.getFontAt(header.getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(header.getCellStyle().getFillPattern().name()).isEqualTo("SOLID_FOREGROUND");
            assertThat(sheet.getPaneInformation()).isNotNull();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:M" + (site.cables().size() + 1));
            assertThat(workbook.getProperties().getCoreProperties().getCreated())
                    .isEqualTo(java.util.Date.from(ExportOptions.FIXED_DOCUMENT_DATE));
        }
    }
}
