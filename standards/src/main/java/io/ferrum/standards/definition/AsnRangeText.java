package io.ferrum.standards.definition;

/** Reads {@code 4200000000-4200000999}: a range of 32-bit AS numbers, first to last inclusive. */
final class AsnRangeText {

    private static final long MAX_ASN = 4_294_967_295L;

    private AsnRangeText() {
    }

    static SiteDefinition.AsnRange parse(String text) {
        String[] parts = text.trim().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not a range; expected first-last such as "
                    + "4200000000-4200000999");
        }
        long first = asn(parts[0], text);
        long last = asn(parts[1], text);
        if (first > last) {
            throw new IllegalArgumentException("'" + text + "' runs backwards: " + first + " is above " + last);
        }
        return new SiteDefinition.AsnRange(first, last);
    }

    private static long asn(String part, String text) {
        try {
            long asn = Long.parseLong(part);
            if (asn < 1 || asn > MAX_ASN) {
                throw new IllegalArgumentException("'" + text + "': " + asn + " is not an AS number (1 to "
                        + MAX_ASN + ")");
            }
            return asn;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a range of AS numbers such as "
                    + "4200000000-4200000999");
        }
    }
}
