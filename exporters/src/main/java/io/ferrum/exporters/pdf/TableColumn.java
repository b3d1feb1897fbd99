package io.ferrum.exporters.pdf;

/** A table column: its header, its share of the table width and whether numbers align right. */
public record TableColumn(String header, float weight, boolean alignRight) {

    public static TableColumn left(String header, float weight) {
        return new TableColumn(header, weight, false);
    }

    public static TableColumn right(String header, float weight) {
        return new TableColumn(header, weight, true);
    }
}
