package io.ferrum.standards.definition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The text of a definition file, which must be UTF-8. A file saved in another encoding is refused at the line and
 * column of its first bad byte; {@link Files#readString} would only say "Input length = 1".
 */
public final class DefinitionText {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private DefinitionText() {
    }

    /**
     * @throws DefinitionException when the file is not valid UTF-8
     * @throws UncheckedIOException when it cannot be read at all
     */
    public static String read(Path file) {
        try {
            return decode(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * The bytes as text, without a leading byte order mark.
     *
     * @param fileName used in the problem's location
     * @throws DefinitionException naming the line and column of the first byte that is not UTF-8
     */
    public static String decode(String fileName, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never decodes to more chars than it has bytes.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw notUtf8(fileName, out.flip(), bytes[in.position()]);
        }
        String text = out.flip().toString();
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    /** Located after {@code decoded}, the text before the bad byte. */
    private static DefinitionException notUtf8(String fileName, CharSequence decoded, byte bad) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < decoded.length(); i++) {
            if (decoded.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = Character.codePointCount(decoded, lineStart, decoded.length()) + 1;
        return new DefinitionException(List.of(new DefinitionProblem(fileName, line, column, "",
                String.format("not valid UTF-8 (byte 0x%02X); save the file as UTF-8", bad & 0xFF))));
    }
}
