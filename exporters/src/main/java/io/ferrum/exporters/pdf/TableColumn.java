package io.ferrum.exporters.pdf;

/**
 * A table column: its header, its share of the table width when the content of several columns competes
 * for room (a column whose content needs less gets just that; see {@link PageFlow#table}) and whether
 * numbers align right.
 */
public record TableColumn(String header, float weight, boolean alignRight) {

    public static TableColumn left(String header, float weight) {
        return new TableColumn(header, weight, false);
    }

    public static TableColumn right(String header, float weight) {
        return new TableColumn(header, weight, true);
    }
}
