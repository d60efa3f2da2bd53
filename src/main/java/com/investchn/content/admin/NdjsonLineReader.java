package com.investchn.content.admin;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads NDJSON lines as bytes with a bound on their length: a line longer than the bound is skipped
 * to its end without being kept, so no upload can make the importer hold more than one bounded
 * line. Bytes, not characters, so that invalid UTF-8 reaches the JSON parser and is reported there.
 */
final class NdjsonLineReader {

  /** One line: its number, and its bytes, or null when it was longer than the bound. */
  record Line(long number, byte[] bytes, long length) {
    boolean tooLong() {
      return bytes == null;
    }

    boolean isBlank() {
      if (bytes == null) {
        return false;
      }
      for (byte b : bytes) {
        if (b != ' ' && b != '\t' && b != '\r') {
          return false;
        }
      }
      return true;
    }
  }

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private long number;
  private boolean ended;

  NdjsonLineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** The next line, or null at the end of the stream. */
  Line next() throws IOException {
    if (ended && position >= limit) {
      return null;
    }
    byte[] line = new byte[256];
    int length = 0;
    long total = 0;
    boolean sawAny = false;
    while (true) {
      if (position >= limit) {
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          ended = true;
          if (!sawAny) {
            return null;
          }
          break;
        }
      }
      sawAny = true;
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      int chunk = position - start;
      total += chunk;
      if (line != null) {
        if (total > maxLineBytes) {
          line = null;
        } else {
          if (length + chunk > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
          }
          System.arraycopy(buffer, start, line, length, chunk);
          length += chunk;
        }
      }
      if (position < limit) {
        position++; // the newline
        break;
      }
    }
    number++;
    if (line == null) {
      return new Line(number, null, total);
    }
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    return new Line(number, Arrays.copyOf(line, length), length);
  }
}
