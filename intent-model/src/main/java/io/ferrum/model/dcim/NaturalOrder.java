package io.ferrum.model.dcim;

import java.util.Comparator;

/**
 * Orders names the way people read them: {@code Ethernet2} before {@code Ethernet10}, {@code r9} before
 * {@code r10}. Ties in the numeric reading fall back to plain string order so the order stays total.
 */
public final class NaturalOrder implements Comparator<String> {

    public static final NaturalOrder INSTANCE = new NaturalOrder();

    /** Nulls last, then natural order. */
    public static final Comparator<String> NULLS_LAST = Comparator.nullsLast(INSTANCE);

    private NaturalOrder() {
    }

    @Override
    public int compare(String left, String right) {
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            char a = left.charAt(i);
            char b = right.charAt(j);
            if (isDigit(a) && isDigit(b)) {
                int endA = digitsEnd(left, i);
                int endB = digitsEnd(right, j);
                int byNumber = compareDigits(left.substring(i, endA), right.substring(j, endB));
                if (byNumber != 0) {
                    return byNumber;
                }
                i = endA;
                j = endB;
            } else {
                if (a != b) {
                    return Character.compare(a, b);
                }
                i++;
                j++;
            }
        }
        int byLength = Integer.compare(left.length() - i, right.length() - j);
        return byLength != 0 ? byLength : left.compareTo(right);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String text, int start) {
        int end = start;
        while (end < text.length() && isDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static int compareDigits(String a, String b) {
        String x = a.replaceFirst("^0+(?=.)", "");
        String y = b.replaceFirst("^0+(?=.)", "");
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }
}
