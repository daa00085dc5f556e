package dev.mtasts.json;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * What the writers escape beyond JSON's own rule (quote, backslash, U+0000 to U+001F): every other control
 * character (DEL, U+0080 to U+009F), the line and paragraph separators U+2028 and U+2029 (line breaks to
 * JavaScript before ES2019), and each UTF-16 surrogate. A report quotes what the network sent (TXT strings, MX
 * names, HTTP headers, certificate names), so the output holds no raw character that could move a terminal's
 * cursor or split a line, and it is valid UTF-8 even for a string with a lone surrogate: {@code \\ud800} is
 * written, never an unencodable character. Parsing the output gives back exactly the strings of the report.
 * Immutable.
 */
final class SafeEscapes extends CharacterEscapes {

    private static final long serialVersionUID = 1L;

    private final int[] ascii;

    SafeEscapes() {
        int[] codes = CharacterEscapes.standardAsciiEscapesForJSON();
        codes[0x7F] = CharacterEscapes.ESCAPE_STANDARD;
        this.ascii = codes;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii.clone();
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        if ((ch >= 0x80 && ch <= 0x9F) || ch == 0x2028 || ch == 0x2029 || (ch >= 0xD800 && ch <= 0xDFFF)) {
            return new SerializedString(String.format("\\u%04X", ch));
        }
        return null;
    }
}
